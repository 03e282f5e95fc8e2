package org.tcyledger.meetings.meeting;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.AgendaItemAdded;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingClosed;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingReportPublished;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.meetings.MeetingEvent.ObjectionRaised;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.meeting.MeetingCommands.AddAgendaItem;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.CloseMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.PublishReport;
import org.tcyledger.meetings.meeting.MeetingCommands.RaiseObjection;
import org.tcyledger.meetings.meeting.MeetingCommands.RecordAttendance;
import org.tcyledger.meetings.meeting.MeetingCommands.ScheduleMeeting;

/** The rules of domain.md §2, with the boundary values of quorum and majority: exactly at, and one below. */
class MeetingTest {

    private static final LocalDate DEC_1 = LocalDate.parse("2015-12-01");
    private static final LocalDate DEC_2 = LocalDate.parse("2015-12-02");
    private static final MeetingScheduled TCY_14 = new MeetingScheduled("T-CY-14", MeetingKind.PLENARY,
            "14th Plenary of the T-CY", "Strasbourg", DEC_1, DEC_2);
    private static final AgendaItemAdded ITEM = new AgendaItemAdded("T-CY-14", "item-1", "New Parties", List.of());
    private static final MeetingScheduled WP = new MeetingScheduled("WP-2017-ART18", MeetingKind.WRITTEN_PROCEDURE,
            "Written procedure: Guidance Note on Article 18", "written procedure", LocalDate.parse("2017-02-01"),
            LocalDate.parse("2017-02-28"));
    private static final AgendaItemAdded WP_ITEM = new AgendaItemAdded("WP-2017-ART18", "item-1", "Article 18 note", List.of());

    private static FixtureConfiguration<Meeting> fixture() {
        FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(new DecisionRules(Fraction.parse("1/2"), Fraction.parse("2/3")));
        fixture.registerInjectableResource((DecisionSubjects) (kind, subject, version) ->
                "unknown".equals(subject) ? Optional.of("No such subject " + subject) : Optional.empty());
        return fixture;
    }

    private static Object[] openWithParties(int present) {
        Object[] events = new Object[3 + present];
        events[0] = TCY_14;
        events[1] = ITEM;
        events[2] = new MeetingOpened("T-CY-14");
        for (int i = 0; i < present; i++) {
            events[3 + i] = new AttendanceRecorded("T-CY-14", "P" + i, AttendanceCapacity.PARTY, List.of());
        }
        return events;
    }

    private static AdoptDecision decide(Vote vote, long parties) {
        return new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "The T-CY decided …",
                vote, DEC_1, parties);
    }

    private static DecisionAdopted decided(Vote vote, long parties, long present) {
        return new DecisionAdopted("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "The T-CY decided …",
                vote, DEC_1, parties, present);
    }

    @Test
    void aMeetingEndsOnOrAfterItStarts() {
        fixture().givenNoPriorActivity()
                .when(new ScheduleMeeting("T-CY-14", MeetingKind.PLENARY, "x", "Strasbourg", DEC_2, DEC_1))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new ScheduleMeeting("T-CY-14", MeetingKind.PLENARY, "14th Plenary of the T-CY", "Strasbourg", DEC_1, DEC_2))
                .expectEvents(TCY_14);
    }

    @Test
    void quorumExactlyReachedAndOneBelow() {
        // P = 10, q = 1/2: 5 Parties present reach the quorum, 4 do not
        fixture().given(openWithParties(5)).when(decide(Vote.consensus(), 10))
                .expectEvents(decided(Vote.consensus(), 10, 5));
        fixture().given(openWithParties(4)).when(decide(Vote.consensus(), 10))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("4 Parties present, 5 required")).expectNoEvents();
        // P = 9: ceil(4.5) = 5
        fixture().given(openWithParties(4)).when(decide(Vote.consensus(), 9))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("5 required"));
        // P = 0 still needs one Party
        fixture().given(openWithParties(0)).when(decide(Vote.consensus(), 0))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("1 required"));
    }

    @Test
    void majorityExactlyReachedAndOneBelow() {
        // m = 2/3: 6 for and 3 against is exactly 2/3; 5 for and 3 against is not
        fixture().given(openWithParties(10)).when(decide(Vote.tally(6, 3, 1), 10))
                .expectEvents(decided(Vote.tally(6, 3, 1), 10, 10));
        fixture().given(openWithParties(10)).when(decide(Vote.tally(5, 3, 2), 10))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("5 for of 8 votes cast, 2/3 required"));
    }

    @Test
    void votesMustBeCastAndNotExceedThePartiesPresent() {
        fixture().given(openWithParties(5)).when(decide(Vote.tally(0, 0, 5), 10))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("No vote was cast"));
        fixture().given(openWithParties(5)).when(decide(Vote.tally(5, 0, 1), 10))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("only 5 Parties present"));
        fixture().given(openWithParties(5)).when(decide(Vote.tally(5, 0, 0), 10))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void observersDoNotCountForTheQuorum() {
        fixture().given(TCY_14, ITEM, new MeetingOpened("T-CY-14"),
                        new AttendanceRecorded("T-CY-14", "P1", AttendanceCapacity.PARTY, List.of()),
                        new AttendanceRecorded("T-CY-14", "O1", AttendanceCapacity.OBSERVER, List.of()),
                        new AttendanceRecorded("T-CY-14", "A1", AttendanceCapacity.AD_HOC_OBSERVER, List.of()))
                .when(decide(Vote.consensus(), 4))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("1 Parties present, 2 required"));
    }

    @Test
    void aDecisionIsTakenInAnOpenMeetingWithinItsDates() {
        fixture().given(TCY_14, ITEM).when(decide(Vote.consensus(), 1))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("not open"));
        fixture().given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(decide(Vote.consensus(), 1))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("closed"));
        fixture().given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), LocalDate.parse("2015-12-03"), 1))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("2015-12-03"));
        fixture().given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-9", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), DEC_1, 1))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("agenda item"));
    }

    @Test
    void aDecisionOnAnUnknownSubjectIsRefused() {
        fixture().given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE, "unknown", 1,
                        "x", Vote.consensus(), DEC_1, 1))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("No such subject"));
    }

    @Test
    void aWrittenProcedureIsAdoptedBySilenceOnItsDeadline() {
        LocalDate deadline = LocalDate.parse("2017-02-28");
        AdoptDecision adopt = new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                "gn-article-18", 1, "Adopted by written procedure", Vote.consensus(), deadline, 40);
        fixture().given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18")).when(adopt)
                .expectEvents(new DecisionAdopted("WP-2017-ART18", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                        "gn-article-18", 1, "Adopted by written procedure", Vote.consensus(), deadline, 0, 0));
        fixture().given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"))
                .when(new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), LocalDate.parse("2017-02-27"), 40))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("deadline"));
        fixture().given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"),
                        new ObjectionRaised("WP-2017-ART18", "FR", LocalDate.parse("2017-02-20")))
                .when(adopt)
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("objected"));
        fixture().given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"))
                .when(new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.tally(30, 0, 0), deadline, 40))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("silence"));
    }

    @Test
    void objectionsComeFromPartiesBeforeTheDeadlineOfAWrittenProcedure() {
        fixture().given(WP).when(new RaiseObjection("WP-2017-ART18", "FR", LocalDate.parse("2017-02-28"), true))
                .expectEvents(new ObjectionRaised("WP-2017-ART18", "FR", LocalDate.parse("2017-02-28")));
        fixture().given(WP).when(new RaiseObjection("WP-2017-ART18", "FR", LocalDate.parse("2017-03-01"), true))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("deadline"));
        fixture().given(WP).when(new RaiseObjection("WP-2017-ART18", "INTERPOL", LocalDate.parse("2017-02-10"), false))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("not a Party"));
        fixture().given(TCY_14).when(new RaiseObjection("T-CY-14", "FR", DEC_1, true))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("not a written procedure"));
    }

    @Test
    void attendanceIsRecordedOnceAndNeverInAWrittenProcedure() {
        fixture().given(TCY_14).when(new RecordAttendance("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .expectEvents(new AttendanceRecorded("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .expectResultMessagePayload(AttendanceCapacity.PARTY);
        fixture().given(TCY_14, new AttendanceRecorded("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .when(new RecordAttendance("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .expectException(RuleViolation.class);
        fixture().given(WP).when(new RecordAttendance("WP-2017-ART18", "CA", AttendanceCapacity.PARTY, List.of()))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("written procedure"));
    }

    @Test
    void theReportIsPublishedAfterTheMeetingClosed() {
        fixture().given(TCY_14, new MeetingOpened("T-CY-14"))
                .when(new PublishReport("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"))
                .expectException(RuleViolation.class);
        fixture().given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new PublishReport("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"))
                .expectEvents(new MeetingReportPublished("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"));
        fixture().given(TCY_14).when(new CloseMeeting("T-CY-14")).expectException(RuleViolation.class);
        fixture().given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new AddAgendaItem("T-CY-14", "i2", "late item", List.of()))
                .expectException(RuleViolation.class);
    }
}
