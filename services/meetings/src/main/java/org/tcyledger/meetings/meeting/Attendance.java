package org.tcyledger.meetings.meeting;

import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Attendance (domain.md §2): a member is recorded once per meeting, in its committee capacity on the meeting's first
 * day (PARTY, OBSERVER), or as AD_HOC_OBSERVER where the register gives it none and the meeting invited it. Only
 * Parties count for the
 * {@link Quorum} of a plenary; a written procedure has no attendance ({@link WrittenProcedure}).
 */
public final class Attendance {

    public static final String ALREADY_RECORDED = "attendance-already-recorded";

    private Attendance() {
    }

    public static void notYetRecorded(MeetingState meeting, String memberId) {
        if (meeting.attendance().containsKey(memberId)) {
            throw new RuleViolation(ALREADY_RECORDED, memberId + " is already recorded as attending " + meeting.id());
        }
    }

    /** A member with no capacity attends only as an ad hoc observer the meeting invited (409 {@code not-invited}). */
    public static AttendanceCapacity capacity(MeetingState meeting, String memberId, MemberFacts members) {
        AttendanceCapacity capacity = AttendanceCapacity.of(members.capacityOn(memberId, meeting.scheduled().startsOn()));
        if (capacity == AttendanceCapacity.AD_HOC_OBSERVER && !meeting.adHocObservers().contains(memberId)) {
            throw new RuleViolation("not-invited", memberId + " has no capacity in the committee on "
                    + meeting.scheduled().startsOn() + " and was not invited to " + meeting.id() + " as an ad hoc observer");
        }
        return capacity;
    }

    /**
     * The plenary invites by name a member with no capacity (Belarus and Jordan at T-CY 14); a Party or observer
     * needs no invitation, a written procedure has no attendance, and a member is invited once.
     */
    public static void invitation(MeetingState meeting, String memberId, MemberFacts members) {
        WrittenProcedure.hasNoAttendance(meeting);
        if (AttendanceCapacity.of(members.capacityOn(memberId, meeting.scheduled().startsOn()))
            != AttendanceCapacity.AD_HOC_OBSERVER) {
            throw new RuleViolation("ad-hoc-invitation-only-without-capacity", memberId + " attends "
                    + meeting.id() + " in its own capacity and needs no invitation");
        }
        if (meeting.adHocObservers().contains(memberId)) {
            throw new RuleViolation("already-invited", memberId + " is already invited to " + meeting.id());
        }
    }
}
