package org.tcyledger.meetings.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEADLINE;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEC_1;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEC_2;
import static org.tcyledger.meetings.meeting.MeetingFixtures.ITEM;
import static org.tcyledger.meetings.meeting.MeetingFixtures.TCY_14;
import static org.tcyledger.meetings.meeting.MeetingFixtures.WP;
import static org.tcyledger.meetings.meeting.MeetingFixtures.WP_ITEM;
import static org.tcyledger.meetings.meeting.MeetingFixtures.fixture;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingClosed;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingReportPublished;
import org.tcyledger.contracts.meetings.MeetingEvent.ObjectionRaised;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.meeting.MeetingCommands.AddAgendaItem;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.CloseMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.PublishReport;
import org.tcyledger.meetings.meeting.MeetingCommands.RaiseObjection;
import org.tcyledger.meetings.meeting.MeetingCommands.RecordAttendance;
import org.tcyledger.meetings.meeting.MeetingCommands.ScheduleMeeting;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;

/**
 * The rules of domain.md §2, with the boundary values of quorum and majority: exactly at, and one below. Every refusal
 * is expected by the rule it names. The handlers of OpenMeeting and CorrectRecord are in {@link MeetingRecordTest}.
 */
class MeetingTest {

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

    private static AdoptDecision decide(Vote vote) {
        return new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "The T-CY decided …",
                vote, DEC_1);
    }

    private static DecisionAdopted decided(Vote vote, long parties, long present) {
        return new DecisionAdopted("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "The T-CY decided …",
                vote, DEC_1, parties, present);
    }

    @Test
    void aMeetingEndsOnOrAfterItStarts() {
        fixture(0).givenNoPriorActivity()
                .when(new ScheduleMeeting("T-CY-14", MeetingKind.PLENARY, "x", "Strasbourg", DEC_2, DEC_1))
                .expectException(ruleNamed("meeting-ends-after-it-starts")).expectNoEvents();
        fixture(0).givenNoPriorActivity()
                .when(new ScheduleMeeting("T-CY-14", MeetingKind.PLENARY, "14th Plenary of the T-CY", "Strasbourg", DEC_1, DEC_2))
                .expectEvents(TCY_14);
    }

    @Test
    void quorumExactlyReachedAndOneBelow() {
        // P = 10, q = 1/2: 5 Parties present reach the quorum, 4 do not
        fixture(10).given(openWithParties(5)).when(decide(Vote.consensus()))
                .expectEvents(decided(Vote.consensus(), 10, 5))
                .expectResultMessagePayload(new MeetingCommands.DecisionTaken("d1", 10));
        fixture(10).given(openWithParties(4)).when(decide(Vote.consensus()))
                .expectException(ruleNamed("quorum"))
                .expectExceptionMessage(containsString("4 Parties present, 5 required")).expectNoEvents();
        // P = 9: ceil(4.5) = 5
        fixture(9).given(openWithParties(4)).when(decide(Vote.consensus()))
                .expectException(ruleNamed("quorum")).expectExceptionMessage(containsString("5 required"));
        // P = 0 still needs one Party
        fixture(0).given(openWithParties(0)).when(decide(Vote.consensus()))
                .expectException(ruleNamed("quorum")).expectExceptionMessage(containsString("1 required"));
    }

    @Test
    void pIsThePartiesOnTheMeetingsFirstDay() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(10, Map.of());
        fixture(register, new MeetingFixtures.Notes()).given(openWithParties(5))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null,
                        "The T-CY decided …", Vote.consensus(), DEC_2))
                .expectSuccessfulHandlerExecution();
        assertEquals(List.of(DEC_1), register.askedAbout);
    }

    @Test
    void majorityExactlyReachedAndOneBelow() {
        // m = 2/3: 6 for and 3 against is exactly 2/3; 5 for and 3 against is not
        fixture(10).given(openWithParties(10)).when(decide(Vote.tally(6, 3, 1)))
                .expectEvents(decided(Vote.tally(6, 3, 1), 10, 10));
        fixture(10).given(openWithParties(10)).when(decide(Vote.tally(5, 3, 2)))
                .expectException(ruleNamed("majority"))
                .expectExceptionMessage(containsString("5 for of 8 votes cast, 2/3 required"));
    }

    @Test
    void votesMustBeCastAndNotExceedThePartiesPresent() {
        fixture(10).given(openWithParties(5)).when(decide(Vote.tally(0, 0, 5)))
                .expectException(ruleNamed("votes-cast")).expectExceptionMessage(containsString("No vote was cast"));
        fixture(10).given(openWithParties(5)).when(decide(Vote.tally(5, 0, 1)))
                .expectException(ruleNamed("votes-not-more-than-present"))
                .expectExceptionMessage(containsString("only 5 Parties present"));
        fixture(10).given(openWithParties(5)).when(decide(Vote.tally(5, 0, 0)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void observersDoNotCountForTheQuorum() {
        fixture(4).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"),
                        new AttendanceRecorded("T-CY-14", "P1", AttendanceCapacity.PARTY, List.of()),
                        new AttendanceRecorded("T-CY-14", "O1", AttendanceCapacity.OBSERVER, List.of()),
                        new AttendanceRecorded("T-CY-14", "A1", AttendanceCapacity.AD_HOC_OBSERVER, List.of()))
                .when(decide(Vote.consensus()))
                .expectException(ruleNamed("quorum")).expectExceptionMessage(containsString("1 Parties present, 2 required"));
    }

    @Test
    void aDecisionIsTakenInAnOpenMeetingWithinItsDates() {
        fixture(1).given(TCY_14, ITEM).when(decide(Vote.consensus()))
                .expectException(ruleNamed("meeting-open")).expectExceptionMessage(containsString("not open"));
        fixture(1).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(decide(Vote.consensus()))
                .expectException(ruleNamed("meeting-open")).expectExceptionMessage(containsString("closed"));
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), LocalDate.parse("2015-12-03")))
                .expectException(ruleNamed("adopted-within-meeting-dates"))
                .expectExceptionMessage(containsString("2015-12-03"));
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-9", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), DEC_1))
                .expectException(ruleNamed("unknown-agenda-item")).expectExceptionMessage(containsString("agenda item"));
    }

    @Test
    void aDecisionOnAnUnknownSubjectIsRefused() {
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE, "unknown", 1,
                        "x", Vote.consensus(), DEC_1))
                .expectException(ruleNamed("unknown-subject")).expectExceptionMessage(containsString("No such subject"));
    }

    @Test
    void aDecisionThatActsOnASubjectNamesIt() {
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.WELCOME_NEW_PARTY, null, null,
                        "x", Vote.consensus(), DEC_1))
                .expectException(org.tcyledger.eventsourcing.web.InvalidRequest.class).expectNoEvents();
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE, "gn-botnets",
                        null, "x", Vote.consensus(), DEC_1))
                .expectException(org.tcyledger.eventsourcing.web.InvalidRequest.class).expectNoEvents();
    }

    @Test
    void aDecisionAdoptingAGuidanceNoteIsRecordedOnTheNoteToo() {
        MeetingFixtures.Notes notes = new MeetingFixtures.Notes();
        AdoptDecision adopt = new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                "gn-article-18", 2, "Adopted by written procedure", Vote.consensus(), DEADLINE);
        fixture(new MeetingFixtures.Register(40, Map.of()), notes)
                .given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18")).when(adopt)
                .expectSuccessfulHandlerExecution();
        assertEquals(List.of(new AdoptGuidanceNote("gn-article-18", 2, "WP-2017-ART18", "d1", DEADLINE)), notes.adopted);
    }

    @Test
    void aDecisionAdoptingANoteThatRefusesIsNotRecorded() {
        fixture(1).given(openWithParties(1))
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE, "gn-refused", 1,
                        "x", Vote.consensus(), DEC_1))
                .expectException(ruleNamed("unknown-subject")).expectExceptionMessage(containsString("French"))
                .expectNoEvents();
    }

    @Test
    void aWrittenProcedureIsAdoptedBySilenceOnItsDeadline() {
        AdoptDecision adopt = new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                "gn-article-18", 1, "Adopted by written procedure", Vote.consensus(), DEADLINE);
        fixture(40).given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18")).when(adopt)
                .expectEvents(new DecisionAdopted("WP-2017-ART18", "d1", "item-1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                        "gn-article-18", 1, "Adopted by written procedure", Vote.consensus(), DEADLINE, 0, 0));
        fixture(40).given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"))
                .when(new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.consensus(), LocalDate.parse("2017-02-27")))
                .expectException(ruleNamed("written-procedure-adopted-at-deadline"))
                .expectExceptionMessage(containsString("deadline"));
        fixture(40).given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"),
                        new ObjectionRaised("WP-2017-ART18", "FR", LocalDate.parse("2017-02-20")))
                .when(adopt)
                .expectException(ruleNamed("written-procedure-without-objection"))
                .expectExceptionMessage(containsString("objected"));
        fixture(40).given(WP, WP_ITEM, new MeetingOpened("WP-2017-ART18"))
                .when(new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.GENERAL, null, null, "x",
                        Vote.tally(30, 0, 0), DEADLINE))
                .expectException(ruleNamed("written-procedure-adopts-by-silence"))
                .expectExceptionMessage(containsString("silence"));
    }

    @Test
    void objectionsComeFromPartiesBeforeTheDeadlineOfAWrittenProcedure() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(40,
                Map.of("FR", Capacity.PARTY, "INTERPOL", Capacity.OBSERVER));
        fixture(register, new MeetingFixtures.Notes()).given(WP)
                .when(new RaiseObjection("WP-2017-ART18", "FR", LocalDate.parse("2017-02-28")))
                .expectEvents(new ObjectionRaised("WP-2017-ART18", "FR", LocalDate.parse("2017-02-28")));
        fixture(register, new MeetingFixtures.Notes()).given(WP)
                .when(new RaiseObjection("WP-2017-ART18", "FR", LocalDate.parse("2017-03-01")))
                .expectException(ruleNamed("objection-after-deadline")).expectExceptionMessage(containsString("deadline"));
        fixture(register, new MeetingFixtures.Notes()).given(WP)
                .when(new RaiseObjection("WP-2017-ART18", "INTERPOL", LocalDate.parse("2017-02-10")))
                .expectException(ruleNamed("objection-only-by-party"))
                .expectExceptionMessage(containsString("not a Party"));
        fixture(register, new MeetingFixtures.Notes()).given(TCY_14)
                .when(new RaiseObjection("T-CY-14", "FR", DEC_1))
                .expectException(ruleNamed("objection-only-in-written-procedure"))
                .expectExceptionMessage(containsString("not a written procedure"));
        fixture(register, new MeetingFixtures.Notes()).given(WP, new MeetingOpened("WP-2017-ART18"),
                        new MeetingClosed("WP-2017-ART18"))
                .when(new RaiseObjection("WP-2017-ART18", "FR", LocalDate.parse("2017-02-10")))
                .expectException(ruleNamed("meeting-closed"));
    }

    @Test
    void attendanceIsRecordedOnceAndNeverInAWrittenProcedure() {
        FixtureConfiguration<Meeting> canadaAParty = fixture(
                new MeetingFixtures.Register(40, Map.of("CA", Capacity.PARTY)), new MeetingFixtures.Notes());
        canadaAParty.given(TCY_14).when(new RecordAttendance("T-CY-14", "CA", List.of()))
                .expectEvents(new AttendanceRecorded("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .expectResultMessagePayload(AttendanceCapacity.PARTY);
        fixture(0).given(TCY_14, new AttendanceRecorded("T-CY-14", "CA", AttendanceCapacity.PARTY, List.of()))
                .when(new RecordAttendance("T-CY-14", "CA", List.of()))
                .expectException(ruleNamed("attendance-already-recorded"));
        fixture(0).given(WP).when(new RecordAttendance("WP-2017-ART18", "CA", List.of()))
                .expectException(ruleNamed("no-attendance-in-written-procedure"))
                .expectExceptionMessage(containsString("written procedure"));
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new RecordAttendance("T-CY-14", "CA", List.of()))
                .expectException(ruleNamed("meeting-closed"));
    }

    /** domain.md §1: the capacity on the meeting's first day; a member with none attends as an ad hoc observer. */
    @Test
    void aMemberAttendsInItsCapacityOnTheFirstDay() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(40,
                Map.of("ZA", Capacity.OBSERVER, "BR", Capacity.NONE));
        fixture(register, new MeetingFixtures.Notes()).given(TCY_14)
                .when(new RecordAttendance("T-CY-14", "ZA", List.of("rep-1")))
                .expectEvents(new AttendanceRecorded("T-CY-14", "ZA", AttendanceCapacity.OBSERVER, List.of("rep-1")));
        // a member with no capacity attends only when the meeting invited it (Belarus and Jordan at T-CY 14)
        fixture(register, new MeetingFixtures.Notes()).given(TCY_14)
                .when(new RecordAttendance("T-CY-14", "BR", List.of()))
                .expectException(ruleNamed("not-invited")).expectNoEvents();
        fixture(register, new MeetingFixtures.Notes()).given(TCY_14,
                        new MeetingEvent.AdHocObserverInvited("T-CY-14", "BR", LocalDate.parse("2015-11-20"), null))
                .when(new RecordAttendance("T-CY-14", "BR", List.of()))
                .expectEvents(new AttendanceRecorded("T-CY-14", "BR", AttendanceCapacity.AD_HOC_OBSERVER, List.of()))
                .expectResultMessagePayload(AttendanceCapacity.AD_HOC_OBSERVER);
        assertEquals(List.of(DEC_1, DEC_1, DEC_1), register.askedAbout);
    }

    @Test
    void agendaItemsAreAddedUntilTheMeetingCloses() {
        fixture(0).given(TCY_14).when(new AddAgendaItem("T-CY-14", "item-1", "New Parties", List.of()))
                .expectEvents(ITEM);
    }

    @Test
    void theReportIsPublishedAfterTheMeetingClosed() {
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"))
                .when(new PublishReport("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"))
                .expectException(ruleNamed("report-after-close"));
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new PublishReport("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"))
                .expectEvents(new MeetingReportPublished("T-CY-14", LocalDate.parse("2016-01-15"), "T-CY(2015)31"));
        fixture(0).given(TCY_14).when(new CloseMeeting("T-CY-14")).expectException(ruleNamed("meeting-not-open"));
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new AddAgendaItem("T-CY-14", "i2", "late item", List.of()))
                .expectException(ruleNamed("meeting-closed"));
    }

    /** Every refusal above is a RuleViolation; the matcher checks the type as well as the rule. */
    @Test
    void aRuleNameIsOnlyMatchedOnARuleViolation() {
        org.junit.jupiter.api.Assertions.assertFalse(ruleNamed("quorum").matches(new IllegalStateException("quorum")));
        org.junit.jupiter.api.Assertions.assertTrue(ruleNamed("quorum").matches(new RuleViolation("quorum", "x")));
        org.junit.jupiter.api.Assertions.assertFalse(ruleNamed("quorum").matches(new RuleViolation("majority", "x")));
    }
}
