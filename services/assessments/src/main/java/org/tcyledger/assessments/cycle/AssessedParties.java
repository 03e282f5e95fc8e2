package org.tcyledger.assessments.cycle;

import java.util.List;
import org.tcyledger.assessments.cycle.CycleCommands.AddPartyToCycle;
import org.tcyledger.assessments.cycle.CycleCommands.LaunchCycle;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Who is assessed in a cycle (domain.md §3): the Parties to ETS185 on the day it is launched, and later a Party added
 * for a supplementary assessment, once. Only an assessed Party replies, comments or is followed up; a finding is on
 * an assessed Party.
 */
final class AssessedParties {

    private AssessedParties() {
    }

    static List<String> atLaunch(LaunchCycle command, Parties parties) {
        return List.copyOf(parties.on(command.launchedOn()));
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
