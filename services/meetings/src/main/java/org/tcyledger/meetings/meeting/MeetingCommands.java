package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyMandate;
import org.tcyledger.contracts.meetings.MeetingKind;

/**
 * What the secretariat records about a meeting (domain.md §2): what a request says, nothing more. Facts of the
 * members register (a capacity, a Party, the number of Parties) reach the handlers through {@link MemberFacts}.
 */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    /** {@code workingBodyId}: the working body a PROTOCOL_DRAFTING or WORKING_GROUP meeting belongs to, if any. */
    public record ScheduleMeeting(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                                  LocalDate endsOn, String workingBodyId) {
        public ScheduleMeeting(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                               LocalDate endsOn) {
            this(meetingId, kind, title, venue, startsOn, endsOn, null);
        }
    }

    public record InviteAdHocObserver(@TargetAggregateIdentifier String meetingId, String memberId,
                                      LocalDate invitedOn, String reference) {
    }

    public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, String itemId, String title,
                                List<String> documentSymbols) {
    }

    public record RecordAttendance(@TargetAggregateIdentifier String meetingId, String memberId,
                                   List<String> representativeIds) {
    }

    public record OpenMeeting(@TargetAggregateIdentifier String meetingId) {
    }

    public record CloseMeeting(@TargetAggregateIdentifier String meetingId) {
    }

    public record RaiseObjection(@TargetAggregateIdentifier String meetingId, String memberId, LocalDate objectedOn) {
    }

    /**
     * {@code documentSymbol}: the document a decision adopts; {@code elected}: ELECT_BUREAU's seats;
     * {@code workingBody}: what ESTABLISH_WORKING_BODY sets up; {@code mandateUntil}: EXTEND_MANDATE's new end.
     */
    public record AdoptDecision(@TargetAggregateIdentifier String meetingId, String decisionId, String agendaItemId,
                                DecisionKind kind, String subject, Integer version, String text, Vote vote,
                                LocalDate adoptedOn, String documentSymbol, List<Election> elected,
                                WorkingBodyMandate workingBody, LocalDate mandateUntil) {
        public AdoptDecision(String meetingId, String decisionId, String agendaItemId, DecisionKind kind,
                             String subject, Integer version, String text, Vote vote, LocalDate adoptedOn) {
            this(meetingId, decisionId, agendaItemId, kind, subject, version, text, vote, adoptedOn, null, List.of(),
                    null, null);
        }
    }

    /** What an adopted decision answers: its id, and P, the Parties to ETS185 on the meeting's first day. */
    public record DecisionTaken(String decisionId, long partiesOnStartsOn) {
    }

    public record PublishReport(@TargetAggregateIdentifier String meetingId, LocalDate publishedOn,
                                String documentSymbol) {
    }

    /** Corrects a decision (text, date) or an attendance (it did not happen), named by the event that recorded it. */
    public record CorrectRecord(@TargetAggregateIdentifier String meetingId, String correctsEventId, String reason,
                                String text, LocalDate adoptedOn) {
    }
}
