package org.tcyledger.meetings.governance;

import java.time.LocalDate;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.MandateExtended;
import org.tcyledger.contracts.meetings.GovernanceEvent.WorkingBodyEstablished;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.eventsourcing.RuleViolation;

/** A working body's mandate: from its establishment until its (extended) end, both days included. */
public record Mandate(String bodyId, LocalDate from, LocalDate until) {

    /** The mandate after {@code event} ({@code current} is null before the body's establishment). */
    public static Mandate evolve(Mandate current, GovernanceEvent event) {
        return switch (event) {
            case WorkingBodyEstablished e -> new Mandate(e.bodyId(), e.establishedOn(), e.mandateUntil());
            case MandateExtended e -> new Mandate(current.bodyId(), current.from(), e.mandateUntil());
            default -> current;
        };
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }

    /**
     * A meeting of a working body (domain.md §2): only a PROTOCOL_DRAFTING or WORKING_GROUP meeting belongs to one,
     * the body exists, and the meeting is held within its mandate.
     */
    public static void meetingWithin(MeetingKind kind, String bodyId, Mandate mandate, LocalDate startsOn,
                                     LocalDate endsOn) {
        if (!kind.mayBelongToAWorkingBody()) {
            throw new RuleViolation("working-body-meeting-kind", "A " + kind + " meeting does not belong to a working "
                    + "body; a PROTOCOL_DRAFTING or WORKING_GROUP meeting may");
        }
        if (mandate == null) {
            throw new RuleViolation("unknown-working-body", "No working body '" + bodyId + "' was established");
        }
        if (!mandate.covers(startsOn) || !mandate.covers(endsOn)) {
            throw new RuleViolation("meeting-within-mandate", bodyId + "'s mandate runs from " + mandate.from()
                    + " to " + mandate.until() + "; the meeting is held from " + startsOn + " to " + endsOn);
        }
    }
}
