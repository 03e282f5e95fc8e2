package org.tcyledger.meetings.governance;

import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.BureauElected;
import org.tcyledger.contracts.meetings.GovernanceEvent.MandateExtended;
import org.tcyledger.contracts.meetings.GovernanceEvent.WorkingBodyEstablished;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.meetings.meeting.MemberFacts;

/** The Bureau's elections and a working body's mandate, at their edges (domain.md §2, Governance). */
class BureauAndWorkingBodyTest {

    private static final LocalDate T_CY_23 = LocalDate.parse("2020-11-30");

    /** Parties: every member but the United States in 2006 (it became one in 2007). */
    private static final MemberFacts PARTIES = new MemberFacts() {
        @Override
        public Capacity capacityOn(String memberId, LocalDate date) {
            return isPartyOn(memberId, date) ? Capacity.PARTY : Capacity.OBSERVER;
        }

        @Override
        public boolean isPartyOn(String memberId, LocalDate date) {
            return !memberId.equals("US") || !date.isBefore(LocalDate.parse("2007-01-01"));
        }

        @Override
        public boolean hasDepositedBy(String memberId, LocalDate date) {
            return isPartyOn(memberId, date);
        }

        @Override
        public long partiesOn(LocalDate date) {
            return 75;
        }
    };

    private static FixtureConfiguration<Bureau> bureau() {
        FixtureConfiguration<Bureau> fixture = new AggregateTestFixture<>(Bureau.class);
        fixture.registerInjectableResource(PARTIES);
        return fixture;
    }

    private static Election seat(String memberId, BureauPost post, String from, String until) {
        return new Election(memberId, post, null, LocalDate.parse(from), LocalDate.parse(until));
    }

    private static Bureau.ElectBureau election(String on, Election... seats) {
        return new Bureau.ElectBureau(GovernanceEvent.BUREAU, "T-CY-23", "d-1", LocalDate.parse(on), List.of(seats));
    }

    /** T-CY 23 elected a Chair (Romania), a Vice-chair (Portugal) and members; the terms here are invented. */
    @Test
    void anElectionRecordsPostsAndTerms() {
        List<Election> seats = List.of(seat("RO", BureauPost.CHAIR, "2021-01-01", "2022-12-31"),
                seat("PT", BureauPost.VICE_CHAIR, "2021-01-01", "2022-12-31"),
                seat("GH", BureauPost.MEMBER, "2021-01-01", "2022-12-31"));
        bureau().givenNoPriorActivity()
                .when(election("2020-11-30", seats.toArray(Election[]::new)))
                .expectEvents(new BureauElected(GovernanceEvent.BUREAU, "T-CY-23", "d-1", T_CY_23, seats));
    }

    @Test
    void oneChairOnAnyDayTheNextTermStartsTheDayAfter() {
        BureauElected held = new BureauElected(GovernanceEvent.BUREAU, "T-CY-23", "d-1", T_CY_23,
                List.of(seat("RO", BureauPost.CHAIR, "2021-01-01", "2022-12-31")));
        bureau().given(held)
                .when(election("2022-11-30", seat("FR", BureauPost.CHAIR, "2022-12-31", "2024-12-31")))
                .expectException(ruleNamed("one-chair-per-term")).expectNoEvents();
        bureau().given(held)
                .when(election("2022-11-30", seat("FR", BureauPost.CHAIR, "2023-01-01", "2024-12-31")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void oneViceChairAndOneSeatPerMember() {
        bureau().givenNoPriorActivity()
                .when(election("2020-11-30", seat("PT", BureauPost.VICE_CHAIR, "2021-01-01", "2022-12-31"),
                        seat("ES", BureauPost.VICE_CHAIR, "2022-06-01", "2023-12-31")))
                .expectException(ruleNamed("one-vice-chair-per-term")).expectNoEvents();
        bureau().givenNoPriorActivity()
                .when(election("2020-11-30", seat("PT", BureauPost.VICE_CHAIR, "2021-01-01", "2022-12-31"),
                        seat("PT", BureauPost.MEMBER, "2021-01-01", "2022-12-31")))
                .expectException(ruleNamed("one-seat-per-member")).expectNoEvents();
    }

    /** T-CY 1 elected a vice-chair of the United States in 2006, before it was a Party: the rule refuses it. */
    @Test
    void onlyAPartyIsElected() {
        bureau().givenNoPriorActivity()
                .when(election("2006-03-21", seat("US", BureauPost.VICE_CHAIR, "2006-03-21", "2007-12-31")))
                .expectException(ruleNamed("bureau-member-is-a-party")).expectNoEvents();
        bureau().givenNoPriorActivity()
                .when(election("2006-03-21", seat("RO", BureauPost.MEMBER, "2007-01-01", "2006-12-31")))
                .expectException(ruleNamed("term-ends-after-it-starts")).expectNoEvents();
    }

    @Test
    void aMandateIsExtendedOnlyBeyondItsEnd() {
        WorkingBodyEstablished ceg = new WorkingBodyEstablished("ceg", "Cloud Evidence Group",
                WorkingBodyKind.CLOUD_EVIDENCE_GROUP, null, LocalDate.parse("2016-12-31"), List.of(), "T-CY-12", "d-2",
                LocalDate.parse("2014-12-03"));
        new AggregateTestFixture<>(WorkingBody.class).given(ceg)
                .when(new WorkingBody.ExtendMandate("ceg", LocalDate.parse("2016-12-31"), "T-CY-16", "d-3",
                        LocalDate.parse("2016-11-15")))
                .expectException(ruleNamed("mandate-extended-beyond-its-end")).expectNoEvents();
        new AggregateTestFixture<>(WorkingBody.class).given(ceg)
                .when(new WorkingBody.ExtendMandate("ceg", LocalDate.parse("2017-01-01"), "T-CY-16", "d-3",
                        LocalDate.parse("2016-11-15")))
                .expectEvents(new MandateExtended("ceg", LocalDate.parse("2017-01-01"), "T-CY-16", "d-3",
                        LocalDate.parse("2016-11-15")));
        new AggregateTestFixture<>(WorkingBody.class).givenNoPriorActivity()
                .when(new WorkingBody.EstablishWorkingBody("pdg", "Protocol Drafting Group",
                        WorkingBodyKind.PROTOCOL_DRAFTING_GROUP, "T-CY(2017)3", LocalDate.parse("2017-06-07"),
                        List.of(), "T-CY-17", "d-4", LocalDate.parse("2017-06-08")))
                .expectException(ruleNamed("mandate-ends-after-it-starts")).expectNoEvents();
    }

    @Test
    void aWorkingBodysMeetingIsHeldWithinItsMandateOnly() {
        Mandate mandate = new Mandate("pdg", LocalDate.parse("2017-06-08"), LocalDate.parse("2021-05-31"));
        Mandate.meetingWithin(org.tcyledger.contracts.meetings.MeetingKind.PROTOCOL_DRAFTING, "pdg", mandate,
                LocalDate.parse("2021-05-27"), LocalDate.parse("2021-05-31"));
        org.junit.jupiter.api.Assertions.assertEquals("meeting-within-mandate",
                org.junit.jupiter.api.Assertions.assertThrows(org.tcyledger.eventsourcing.RuleViolation.class,
                        () -> Mandate.meetingWithin(org.tcyledger.contracts.meetings.MeetingKind.PROTOCOL_DRAFTING,
                                "pdg", mandate, LocalDate.parse("2021-05-31"), LocalDate.parse("2021-06-01"))).rule());
        org.junit.jupiter.api.Assertions.assertEquals("working-body-meeting-kind",
                org.junit.jupiter.api.Assertions.assertThrows(org.tcyledger.eventsourcing.RuleViolation.class,
                        () -> Mandate.meetingWithin(org.tcyledger.contracts.meetings.MeetingKind.PLENARY,
                                "pdg", mandate, LocalDate.parse("2021-05-27"), LocalDate.parse("2021-05-27"))).rule());
        org.junit.jupiter.api.Assertions.assertEquals("unknown-working-body",
                org.junit.jupiter.api.Assertions.assertThrows(org.tcyledger.eventsourcing.RuleViolation.class,
                        () -> Mandate.meetingWithin(org.tcyledger.contracts.meetings.MeetingKind.WORKING_GROUP,
                                "nobody", null, LocalDate.parse("2021-05-27"), LocalDate.parse("2021-05-27"))).rule());
    }
}
