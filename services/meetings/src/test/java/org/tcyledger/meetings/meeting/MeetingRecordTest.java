package org.tcyledger.meetings.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEC_1;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEC_2;
import static org.tcyledger.meetings.meeting.MeetingFixtures.ITEM;
import static org.tcyledger.meetings.meeting.MeetingFixtures.TCY_14;
import static org.tcyledger.meetings.meeting.MeetingFixtures.fixture;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceCorrected;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionCorrected;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingClosed;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.meeting.MeetingCommands.CloseMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.CorrectRecord;
import org.tcyledger.meetings.meeting.MeetingCommands.OpenMeeting;

/** Opening and closing a meeting, and correcting what was recorded wrongly (domain.md: corrections). */
class MeetingRecordTest {

    private static final AttendanceRecorded SOUTH_AFRICA = new AttendanceRecorded("T-CY-14", "ZA",
            AttendanceCapacity.OBSERVER, List.of());
    private static final DecisionAdopted WORKING_GROUP = new DecisionAdopted("T-CY-14", "d1", "item-1",
            DecisionKind.GENERAL, null, null, "The T-CY set up a working group", Vote.consensus(), DEC_1, 1, 1);

    @Test
    void aMeetingOpensOnce() {
        fixture(0).given(TCY_14).when(new OpenMeeting("T-CY-14")).expectEvents(new MeetingOpened("T-CY-14"));
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14")).when(new OpenMeeting("T-CY-14"))
                .expectException(ruleNamed("meeting-already-open")).expectNoEvents();
    }

    @Test
    void aMeetingClosesOnceAfterItOpened() {
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14")).when(new CloseMeeting("T-CY-14"))
                .expectEvents(new MeetingClosed("T-CY-14"));
        fixture(0).given(TCY_14).when(new CloseMeeting("T-CY-14"))
                .expectException(ruleNamed("meeting-not-open")).expectNoEvents();
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new CloseMeeting("T-CY-14"))
                .expectException(ruleNamed("meeting-closed")).expectNoEvents();
    }

    /** The fixture makes the given events' ids; a correction names one of them. */
    private static String idOf(FixtureConfiguration<Meeting> fixture, Class<?> payloadType) {
        return fixture.getEventStore().readEvents("T-CY-14").asStream()
                .filter(event -> payloadType.isInstance(event.getPayload()))
                .map(DomainEventMessage::getIdentifier).findFirst().orElseThrow();
    }

    @Test
    void aDecisionIsCorrectedByANewEventWithinTheMeetingsDates() {
        FixtureConfiguration<Meeting> fixture = fixture(1);
        TestExecutor<Meeting> given = fixture.given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), WORKING_GROUP);
        String decision = idOf(fixture, DecisionAdopted.class);
        given.when(new CorrectRecord("T-CY-14", decision, "wrong name", "The T-CY set up the Cloud Evidence Group",
                        DEC_2))
                .expectEvents(new DecisionCorrected("T-CY-14", decision, "d1", "wrong name",
                        "The T-CY set up the Cloud Evidence Group", DEC_2));

        fixture = fixture(1);
        given = fixture.given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), WORKING_GROUP);
        given.when(new CorrectRecord("T-CY-14", idOf(fixture, DecisionAdopted.class), "x", null,
                        LocalDate.parse("2015-12-03")))
                .expectException(ruleNamed("adopted-within-meeting-dates")).expectNoEvents();

        fixture = fixture(1);
        given = fixture.given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), WORKING_GROUP);
        given.when(new CorrectRecord("T-CY-14", idOf(fixture, DecisionAdopted.class), "x", null, null))
                .expectException(InvalidRequest.class).expectNoEvents();
    }

    @Test
    void anAttendanceThatDidNotHappenIsCorrectedOnce() {
        FixtureConfiguration<Meeting> fixture = fixture(0);
        TestExecutor<Meeting> given = fixture.given(TCY_14, SOUTH_AFRICA);
        String attendance = idOf(fixture, AttendanceRecorded.class);
        given.when(new CorrectRecord("T-CY-14", attendance, "South Africa was not there", null, null))
                .expectEvents(new AttendanceCorrected("T-CY-14", attendance, "ZA", "South Africa was not there"));

        fixture = fixture(0);
        given = fixture.given(TCY_14, SOUTH_AFRICA);
        attendance = idOf(fixture, AttendanceRecorded.class);
        given.andGiven(new AttendanceCorrected("T-CY-14", attendance, "ZA", "South Africa was not there"))
                .when(new CorrectRecord("T-CY-14", attendance, "again", null, null))
                .expectException(ruleNamed("attendance-already-corrected")).expectNoEvents();
    }

    @Test
    void onlyARecordedDecisionOrAttendanceIsCorrected() {
        fixture(0).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"))
                .when(new CorrectRecord("T-CY-14", "no-such-event", "x", null, null))
                .expectException(ruleNamed("correction-of-unknown-record"))
                .expectExceptionMessage(containsString("no-such-event")).expectNoEvents();
    }
}
