package org.tcyledger.meetings.meeting;

import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Attendance (domain.md §2): a member is recorded once per meeting, in its committee capacity on the meeting's first
 * day (PARTY, OBSERVER), or as AD_HOC_OBSERVER where the register gives it none. Only Parties count for the
 * {@link Quorum}; a written procedure has no attendance ({@link WrittenProcedure}).
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

    public static AttendanceCapacity capacity(MeetingState meeting, String memberId, MemberFacts members) {
        return AttendanceCapacity.of(members.capacityOn(memberId, meeting.scheduled().startsOn()));
    }
}
