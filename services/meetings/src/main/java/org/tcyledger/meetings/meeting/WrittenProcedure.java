package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import org.tcyledger.contracts.meetings.MeetingEvent.VoteMode;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;

/**
 * A written procedure (domain.md §2, kind WRITTEN_PROCEDURE, its {@code endsOn} the deadline): no attendance and no
 * quorum; a Party may object until the deadline; a decision is adopted by silence, on the deadline, and only if no
 * Party objected.
 */
public final class WrittenProcedure {

    public static final String NO_ATTENDANCE = "no-attendance-in-written-procedure";
    public static final String OBJECTION_ONLY_IN_WRITTEN_PROCEDURE = "objection-only-in-written-procedure";
    public static final String OBJECTION_ONLY_BY_PARTY = "objection-only-by-party";
    public static final String OBJECTION_AFTER_DEADLINE = "objection-after-deadline";
    public static final String ADOPTS_BY_SILENCE = "written-procedure-adopts-by-silence";
    public static final String ADOPTED_AT_DEADLINE = "written-procedure-adopted-at-deadline";
    public static final String WITHOUT_OBJECTION = "written-procedure-without-objection";

    private WrittenProcedure() {
    }

    public static void hasNoAttendance(MeetingState meeting) {
        if (meeting.isWrittenProcedure()) {
            throw new RuleViolation(NO_ATTENDANCE, "A written procedure has no attendance; it is adopted by silence");
        }
    }

    public static void takesObjections(MeetingState meeting) {
        if (!meeting.isWrittenProcedure()) {
            throw new RuleViolation(OBJECTION_ONLY_IN_WRITTEN_PROCEDURE, meeting.id() + " is not a written procedure");
        }
    }

    /** {@code party}: whether the member is a Party to ETS185 on {@code objectedOn}. */
    public static void objectionInTime(MeetingState meeting, String memberId, LocalDate objectedOn, boolean party) {
        if (!party) {
            throw new RuleViolation(OBJECTION_ONLY_BY_PARTY, memberId + " is not a Party to ETS185 on " + objectedOn);
        }
        if (objectedOn.isAfter(meeting.scheduled().endsOn())) {
            throw new RuleViolation(OBJECTION_AFTER_DEADLINE, "The deadline of " + meeting.id() + " was "
                    + meeting.scheduled().endsOn() + "; the objection came on " + objectedOn);
        }
    }

    public static void adoptedBySilence(MeetingState meeting, AdoptDecision command) {
        if (command.vote().mode() != VoteMode.CONSENSUS) {
            throw new RuleViolation(ADOPTS_BY_SILENCE, "A written procedure is adopted by silence, not by a vote");
        }
        if (!command.adoptedOn().equals(meeting.scheduled().endsOn())) {
            throw new RuleViolation(ADOPTED_AT_DEADLINE, "A written procedure is adopted on its deadline "
                    + meeting.scheduled().endsOn() + ", not on " + command.adoptedOn());
        }
        if (!meeting.objections().isEmpty()) {
            throw new RuleViolation(WITHOUT_OBJECTION, meeting.objections().get(0).memberId() + " objected on "
                    + meeting.objections().get(0).objectedOn() + ": the procedure failed");
        }
    }
}
