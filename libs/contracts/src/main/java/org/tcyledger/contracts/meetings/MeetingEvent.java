package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;

/**
 * Everything the meetings context publishes about a meeting on {@code tcy.meetings.v1}. Decisions carry what their
 * consumers need (kind, subject, version, date, vote, the quorum's numbers), so that nobody calls meetings back.
 */
public sealed interface MeetingEvent {

    String meetingId();

    @WireType("tcy.meetings.MeetingScheduled.v1")
    record MeetingScheduled(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                            LocalDate endsOn) implements MeetingEvent {
    }

    @WireType("tcy.meetings.AgendaItemAdded.v1")
    record AgendaItemAdded(String meetingId, String itemId, String title, List<String> documentSymbols)
            implements MeetingEvent {
        public AgendaItemAdded {
            documentSymbols = documentSymbols == null ? List.of() : List.copyOf(documentSymbols);
        }
    }

    /** {@code capacity}: the member's committee capacity on the meeting's first day, from membership's register. */
    @WireType("tcy.meetings.AttendanceRecorded.v1")
    record AttendanceRecorded(String meetingId, String memberId, AttendanceCapacity capacity,
                              List<String> representativeIds) implements MeetingEvent {
        public AttendanceRecorded {
            representativeIds = representativeIds == null ? List.of() : List.copyOf(representativeIds);
        }
    }

    @WireType("tcy.meetings.MeetingOpened.v1")
    record MeetingOpened(String meetingId) implements MeetingEvent {
    }

    @WireType("tcy.meetings.MeetingClosed.v1")
    record MeetingClosed(String meetingId) implements MeetingEvent {
    }

    @WireType("tcy.meetings.ObjectionRaised.v1")
    record ObjectionRaised(String meetingId, String memberId, LocalDate objectedOn) implements MeetingEvent {
    }

    /**
     * {@code partiesOnStartsOn} is P of the quorum rule and {@code partiesPresent} the Parties attending; both are
     * zero for a written procedure, which has no attendance.
     */
    @WireType("tcy.meetings.DecisionAdopted.v1")
    record DecisionAdopted(String meetingId, String decisionId, String agendaItemId, DecisionKind kind,
                           String subject, Integer version, String text, Vote vote, LocalDate adoptedOn,
                           long partiesOnStartsOn, long partiesPresent) implements MeetingEvent {
    }

    @WireType("tcy.meetings.MeetingReportPublished.v1")
    record MeetingReportPublished(String meetingId, LocalDate publishedOn, String documentSymbol)
            implements MeetingEvent {
    }

    /** A decision's text or date recorded wrongly; the decision stays the one it was. */
    @WireType("tcy.meetings.DecisionCorrected.v1")
    record DecisionCorrected(String meetingId, String correctsEventId, String decisionId, String reason, String text,
                             LocalDate adoptedOn) implements MeetingEvent {
    }

    /** An attendance recorded for a member that did not attend. */
    @WireType("tcy.meetings.AttendanceCorrected.v1")
    record AttendanceCorrected(String meetingId, String correctsEventId, String memberId, String reason)
            implements MeetingEvent {
    }

    /** {@code {"mode":"CONSENSUS"}} or {@code {"mode":"VOTE","for":n,"against":n,"abstentions":n}}. */
    record Vote(VoteMode mode, @com.fasterxml.jackson.annotation.JsonProperty("for") Integer inFavour,
                Integer against, Integer abstentions) {

        public static Vote consensus() {
            return new Vote(VoteMode.CONSENSUS, null, null, null);
        }

        public static Vote tally(int inFavour, int against, int abstentions) {
            return new Vote(VoteMode.VOTE, inFavour, against, abstentions);
        }
    }

    enum VoteMode { CONSENSUS, VOTE }
}
