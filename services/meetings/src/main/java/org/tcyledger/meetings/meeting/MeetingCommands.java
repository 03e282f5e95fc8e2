package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingKind;

/**
 * What the secretariat records about a meeting (domain.md §2): what a request says, nothing more. Facts of the
 * members register (a capacity, a Party, the number of Parties) reach the handlers through {@link MemberFacts}.
 */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    public record ScheduleMeeting(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                                  LocalDate endsOn) {
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

    public record AdoptDecision(@TargetAggregateIdentifier String meetingId, String decisionId, String agendaItemId,
                                DecisionKind kind, String subject, Integer version, String text, Vote vote,
                                LocalDate adoptedOn) {
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
