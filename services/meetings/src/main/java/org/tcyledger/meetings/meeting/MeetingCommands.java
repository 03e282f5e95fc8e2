package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingKind;

/**
 * What the secretariat records about a meeting (domain.md §2). Values that come from the members register (a
 * capacity, the number of Parties) are read from the replica by the REST layer, after it caught up.
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
                                   AttendanceCapacity capacity, List<String> representativeIds) {
    }

    public record OpenMeeting(@TargetAggregateIdentifier String meetingId) {
    }

    public record CloseMeeting(@TargetAggregateIdentifier String meetingId) {
    }

    /** {@code party}: whether the member is a Party to ETS185 on {@code objectedOn}. */
    public record RaiseObjection(@TargetAggregateIdentifier String meetingId, String memberId, LocalDate objectedOn,
                                 boolean party) {
    }

    /** {@code partiesOnStartsOn}: P, the Parties to ETS185 on the meeting's first day. */
    public record AdoptDecision(@TargetAggregateIdentifier String meetingId, String decisionId, String agendaItemId,
                                DecisionKind kind, String subject, Integer version, String text, Vote vote,
                                LocalDate adoptedOn, long partiesOnStartsOn) {
    }

    public record PublishReport(@TargetAggregateIdentifier String meetingId, LocalDate publishedOn,
                                String documentSymbol) {
    }

    /** Corrects a decision (text, date) or an attendance (it did not happen), named by the event that recorded it. */
    public record CorrectRecord(@TargetAggregateIdentifier String meetingId, String correctsEventId, String reason,
                                String text, LocalDate adoptedOn) {
    }
}
