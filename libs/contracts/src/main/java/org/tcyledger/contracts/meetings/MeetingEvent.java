package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.WireType;

/**
 * Everything the meetings context publishes about a meeting on {@code tcy.meetings.v1}. Decisions carry what their
 * consumers need (kind, subject, version, date, vote, the quorum's numbers), so that nobody calls meetings back.
 */
public sealed interface MeetingEvent {

    String meetingId();

    /** {@code workingBodyId}: the working body the meeting belongs to (null for the committee's own meetings). */
    @WireType("tcy.meetings.MeetingScheduled.v1")
    record MeetingScheduled(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                            LocalDate endsOn, @AddedLater String workingBodyId) implements MeetingEvent {
        public MeetingScheduled(String meetingId, MeetingKind kind, String title, String venue, LocalDate startsOn,
                                LocalDate endsOn) {
            this(meetingId, kind, title, venue, startsOn, endsOn, null);
        }
    }

    /** A member with no capacity in the committee is invited to attend this meeting as an ad hoc observer. */
    @WireType("tcy.meetings.AdHocObserverInvited.v1")
    record AdHocObserverInvited(String meetingId, String memberId, LocalDate invitedOn, String reference)
            implements MeetingEvent {
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
     * zero for a written procedure, which has no attendance. At a BUREAU meeting both count the Bureau on the
     * meeting's first day ({@code countedOn} BUREAU), never all Parties. {@code documentSymbol} names the document
     * adopted, {@code elected} who an ELECT_BUREAU decision elected, {@code workingBody} what an
     * ESTABLISH_WORKING_BODY decision set up and {@code mandateUntil} how far an EXTEND_MANDATE decision extends a
     * body's mandate. Events stored before these fields read as decisions of a plenary counted on the Parties.
     */
    @WireType("tcy.meetings.DecisionAdopted.v1")
    record DecisionAdopted(String meetingId, String decisionId, String agendaItemId, DecisionKind kind,
                           String subject, Integer version, String text, Vote vote, LocalDate adoptedOn,
                           long partiesOnStartsOn, long partiesPresent, @AddedLater QuorumBase countedOn,
                           @AddedLater String documentSymbol, @AddedLater List<Election> elected,
                           @AddedLater WorkingBodyMandate workingBody, @AddedLater LocalDate mandateUntil)
            implements MeetingEvent {
        public DecisionAdopted {
            countedOn = countedOn == null ? QuorumBase.PARTIES : countedOn;
            elected = elected == null ? List.of() : List.copyOf(elected);
        }

        public DecisionAdopted(String meetingId, String decisionId, String agendaItemId, DecisionKind kind,
                               String subject, Integer version, String text, Vote vote, LocalDate adoptedOn,
                               long partiesOnStartsOn, long partiesPresent) {
            this(meetingId, decisionId, agendaItemId, kind, subject, version, text, vote, adoptedOn, partiesOnStartsOn,
                    partiesPresent, QuorumBase.PARTIES, null, List.of(), null, null);
        }
    }

    /** Whom a decision's quorum and majority were counted on. */
    enum QuorumBase { PARTIES, BUREAU }

    /** A member elected to the Bureau, to a post, for a term (both days included). */
    record Election(String memberId, BureauPost post, String representativeId, LocalDate termFrom,
                    LocalDate termUntil) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(termFrom) && !date.isAfter(termUntil);
        }
    }

    enum BureauPost { CHAIR, VICE_CHAIR, MEMBER }

    /** A working body as an ESTABLISH_WORKING_BODY decision sets it up. */
    record WorkingBodyMandate(String id, String name, WorkingBodyKind kind, String termsOfReference,
                              LocalDate mandateUntil, List<String> members) {
        public WorkingBodyMandate {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    enum WorkingBodyKind { CLOUD_EVIDENCE_GROUP, PROTOCOL_DRAFTING_GROUP, WORKING_GROUP }

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
