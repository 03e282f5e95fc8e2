package org.tcyledger.assessments.cycle;

import java.util.Optional;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.assessments.cycle.CycleCommands.RecordFollowUp;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitDraftReport;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The report's way to adoption and after (domain.md §3): drafts are versioned, with findings on assessed Parties,
 * until the plenary adopts one; the plenary's decision adopts a draft that exists, once, in a cycle still open (or is
 * recorded as refused, with why); follow-up comes after adoption, on an adopted recommendation, not before the
 * adoption's date.
 */
final class ReportAdoption {

    private ReportAdoption() {
    }

    static void draft(CycleState state, SubmitDraftReport command) {
        if (state.adoption() != null) {
            throw new RuleViolation("no-draft-after-adoption", "The report of " + state.id() + " was adopted already");
        }
        command.findings().stream().filter(f -> !state.assessedParties().contains(f.partyId())).findFirst()
                .ifPresent(f -> {
                    throw new RuleViolation("finding-on-assessed-party", f.partyId() + " is not assessed in " + state.id());
                });
    }

    /** Why the plenary's decision cannot be applied, or empty when it adopts the draft. */
    static Optional<String> refusal(CycleState state, AdoptReport command) {
        if (!state.drafts().containsKey(command.version())) {
            return Optional.of(state.id() + " has no draft version " + command.version());
        }
        if (state.adoption() != null) {
            return Optional.of("The report of " + state.id() + " was adopted already, version "
                               + state.adoption().version() + " by " + state.adoption().meetingId());
        }
        if (state.closed() != null) {
            return Optional.of(state.id() + " is closed");
        }
        return Optional.empty();
    }

    /** The adopted document: as the decision named it, else as the adopted draft did (none if neither). */
    static String documentSymbol(CycleState state, AdoptReport command) {
        return command.documentSymbol() != null ? command.documentSymbol()
                : state.drafts().get(command.version()).documentSymbol();
    }

    static void followUp(CycleState state, RecordFollowUp command) {
        if (state.adoption() == null) {
            throw new RuleViolation("follow-up-after-adoption", "The report of " + state.id() + " is not adopted yet");
        }
        AssessedParties.assessed(state, command.partyId());
        boolean known = state.drafts().get(state.adoption().version()).recommendations().stream()
                .anyMatch(r -> r.id().equals(command.recommendationId()));
        if (!known) {
            throw new RuleViolation("follow-up-of-adopted-recommendation", "The adopted report of " + state.id()
                    + " has no recommendation " + command.recommendationId());
        }
        if (command.assessedOn().isBefore(state.adoption().adoptedOn())) {
            throw new RuleViolation("date-not-before-previous-step", "A follow-up (" + command.assessedOn()
                    + ") cannot precede the adoption on " + state.adoption().adoptedOn());
        }
    }
}
