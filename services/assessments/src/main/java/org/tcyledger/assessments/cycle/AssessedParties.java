package org.tcyledger.assessments.cycle;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tcyledger.assessments.cycle.CycleCommands.AddPartyToCycle;
import org.tcyledger.assessments.cycle.CycleCommands.LaunchCycle;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Who is assessed in a cycle (domain.md §3): the Parties to ETS185 on the day it is launched (with the scope
 * PARTIES_AND_OBSERVERS also the States with committee capacity OBSERVER that day, as the Article 13 round did, in
 * order of id), and later a Party added for a supplementary assessment, once. Only an assessed Party replies, comments or is followed up; a finding is on
 * an assessed Party.
 */
final class AssessedParties {

    private AssessedParties() {
    }

    static List<String> atLaunch(LaunchCycle command, Parties parties) {
        return switch (command.scope()) {
            case PARTIES -> List.copyOf(parties.on(command.launchedOn()));
            case PARTIES_AND_OBSERVERS -> {
                Set<String> assessed = new TreeSet<>(parties.on(command.launchedOn()));
                assessed.addAll(parties.observerStatesOn(command.launchedOn()));
                yield List.copyOf(assessed);
            }
        };
    }

    static void supplementary(CycleState state, AddPartyToCycle command, Parties parties) {
        if (!parties.isPartyToday(command.partyId())) {
            throw new RuleViolation("supplementary-assessment-of-a-party", command.partyId() + " is not a Party to ETS185");
        }
        if (state.assessedParties().contains(command.partyId())) {
            throw new RuleViolation("party-already-assessed", command.partyId() + " is already assessed in " + state.id());
        }
    }

    static void assessed(CycleState state, String partyId) {
        if (!state.assessedParties().contains(partyId)) {
            throw new RuleViolation("party-assessed", partyId + " is not assessed in " + state.id());
        }
    }
}
