package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;

/**
 * The committee's own bodies (domain.md §2, Governance), on {@code tcy.meetings.v1}: the Bureau (subject
 * {@code bureau}) and each working body (subject its id). Each is recorded by the plenary decision that made it, in
 * that decision's transaction, and names it.
 */
public sealed interface GovernanceEvent {

    /** The Bureau's single stream. */
    String BUREAU = "bureau";

    String bodyId();

    @WireType("tcy.meetings.BureauElected.v1")
    record BureauElected(String bodyId, String meetingId, String decisionId, LocalDate adoptedOn,
                         List<Election> elected) implements GovernanceEvent {
        public BureauElected {
            elected = List.copyOf(elected);
        }
    }

    @WireType("tcy.meetings.WorkingBodyEstablished.v1")
    record WorkingBodyEstablished(String bodyId, String name, WorkingBodyKind kind, String termsOfReference,
                                  LocalDate mandateUntil, List<String> members, String meetingId, String decisionId,
                                  LocalDate establishedOn) implements GovernanceEvent {
        public WorkingBodyEstablished {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    @WireType("tcy.meetings.MandateExtended.v1")
    record MandateExtended(String bodyId, LocalDate mandateUntil, String meetingId, String decisionId,
                           LocalDate extendedOn) implements GovernanceEvent {
    }
}
