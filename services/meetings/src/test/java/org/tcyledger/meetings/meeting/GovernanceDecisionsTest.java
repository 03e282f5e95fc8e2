package org.tcyledger.meetings.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.AgendaItemAdded;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.meetings.MeetingEvent.QuorumBase;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyMandate;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.meetings.governance.Bureau;
import org.tcyledger.meetings.governance.Mandate;
import org.tcyledger.meetings.governance.WorkingBody;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.InviteAdHocObserver;
import org.tcyledger.meetings.meeting.MeetingCommands.ScheduleMeeting;

/**
 * The plenary governing itself (domain.md §2): a Bureau meeting counted on the Bureau while 75 Parties exist, the
 * decisions that elect, set up and extend, the welcome that follows a deposit, and ad hoc observers invited by name.
 */
class GovernanceDecisionsTest {

    private static final LocalDate MARCH_9 = LocalDate.parse("2021-03-09");
    private static final MeetingScheduled BUREAU = new MeetingScheduled("T-CY-BUREAU-2021-03", MeetingKind.BUREAU,
            "Bureau meeting", "online", MARCH_9, MARCH_9);
    private static final AgendaItemAdded BUREAU_ITEM = new AgendaItemAdded("T-CY-BUREAU-2021-03", "item-1",
            "Work plan", List.of());

    private static Election seat(String memberId, BureauPost post) {
        return new Election(memberId, post, null, LocalDate.parse("2021-01-01"), LocalDate.parse("2022-12-31"));
    }

    private static MeetingFixtures.Bodies bureauOfFour() {
        MeetingFixtures.Bodies bodies = new MeetingFixtures.Bodies();
        bodies.seats.addAll(List.of(seat("RO", BureauPost.CHAIR), seat("PT", BureauPost.VICE_CHAIR),
                seat("GH", BureauPost.MEMBER), seat("ES", BureauPost.MEMBER)));
        return bodies;
    }

    private static AttendanceRecorded attends(String memberId) {
        return new AttendanceRecorded("T-CY-BUREAU-2021-03", memberId, AttendanceCapacity.PARTY, List.of());
    }

    private static AdoptDecision general(String meetingId, LocalDate on) {
        return new AdoptDecision(meetingId, "d-1", "item-1", DecisionKind.GENERAL, null, null, "The Bureau agreed",
                Vote.consensus(), on);
    }

    /** Two of a Bureau of four is the quorum (1/2), whatever the number of Parties (75 here). */
    @Test
    void aBureauMeetingIsCountedOnTheBureauNotOnAllParties() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(75, Map.of());
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes(), bureauOfFour())
                .given(BUREAU, BUREAU_ITEM, new MeetingOpened(BUREAU.meetingId()), attends("RO"), attends("PT"),
                        attends("FR"))
                .when(general(BUREAU.meetingId(), MARCH_9))
                .expectEvents(new DecisionAdopted(BUREAU.meetingId(), "d-1", "item-1", DecisionKind.GENERAL, null, null,
                        "The Bureau agreed", Vote.consensus(), MARCH_9, 4, 2, QuorumBase.BUREAU, null, List.of(), null,
                        null));
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes(), bureauOfFour())
                .given(BUREAU, BUREAU_ITEM, new MeetingOpened(BUREAU.meetingId()), attends("RO"), attends("FR"))
                .when(general(BUREAU.meetingId(), MARCH_9))
                .expectException(ruleNamed(Quorum.RULE)).expectNoEvents();
    }

    @Test
    void anElectionAndAWorkingBodyAreRecordedOnTheirBodiesWithTheDecision() {
        MeetingFixtures.Bodies bodies = new MeetingFixtures.Bodies();
        List<Election> seats = List.of(seat("RO", BureauPost.CHAIR), seat("PT", BureauPost.VICE_CHAIR));
        MeetingFixtures.fixture(new MeetingFixtures.Register(1, Map.of()), new MeetingFixtures.Notes(), bodies)
                .given(MeetingFixtures.TCY_14, MeetingFixtures.ITEM, new MeetingOpened("T-CY-14"),
                        new AttendanceRecorded("T-CY-14", "RO", AttendanceCapacity.PARTY, List.of()))
                .when(new AdoptDecision("T-CY-14", "d-2", "item-1", DecisionKind.ELECT_BUREAU, null, null,
                        "The T-CY elected its Bureau", Vote.consensus(), MeetingFixtures.DEC_2, null, seats, null, null))
                .expectSuccessfulHandlerExecution();
        assertEquals(List.of(new Bureau.ElectBureau("bureau", "T-CY-14", "d-2", MeetingFixtures.DEC_2, seats)),
                bodies.sent);
        WorkingBodyMandate ceg = new WorkingBodyMandate("ceg", "Cloud Evidence Group",
                WorkingBodyKind.CLOUD_EVIDENCE_GROUP, null, LocalDate.parse("2016-12-31"), List.of());
        MeetingFixtures.fixture(new MeetingFixtures.Register(1, Map.of()), new MeetingFixtures.Notes(), bodies)
                .given(MeetingFixtures.TCY_14, MeetingFixtures.ITEM, new MeetingOpened("T-CY-14"),
                        new AttendanceRecorded("T-CY-14", "RO", AttendanceCapacity.PARTY, List.of()))
                .when(new AdoptDecision("T-CY-14", "d-3", "item-1", DecisionKind.ESTABLISH_WORKING_BODY, null, null,
                        "The T-CY set up the Cloud Evidence Group", Vote.consensus(), MeetingFixtures.DEC_2, null,
                        List.of(), ceg, null))
                .expectSuccessfulHandlerExecution();
        assertEquals(new WorkingBody.EstablishWorkingBody("ceg", "Cloud Evidence Group",
                WorkingBodyKind.CLOUD_EVIDENCE_GROUP, null, LocalDate.parse("2016-12-31"), List.of(), "T-CY-14", "d-3",
                MeetingFixtures.DEC_2), bodies.sent.get(1));
    }

    /** Chile was welcomed at T-CY 17 after its deposit (2017-04-20), before its entry into force. */
    @Test
    void theCommitteeWelcomesADepositNotBeforeIt() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(1,
                Map.of("EE", Capacity.PARTY, "CL", Capacity.OBSERVER));
        AdoptDecision welcome = new AdoptDecision("T-CY-14", "d-4", "item-1", DecisionKind.WELCOME_NEW_PARTY, "CL",
                null, "The T-CY welcomed Chile", Vote.consensus(), MeetingFixtures.DEC_2);
        Object[] given = {MeetingFixtures.TCY_14, MeetingFixtures.ITEM, new MeetingOpened("T-CY-14"),
                new AttendanceRecorded("T-CY-14", "EE", AttendanceCapacity.PARTY, List.of())};
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes()).given(given).when(welcome)
                .expectException(ruleNamed("welcome-after-deposit")).expectNoEvents();
        register.depositors.add("CL");
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes()).given(given).when(welcome)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAdHocObserverIsInvitedByNameOnceAndOnlyWithoutACapacity() {
        MeetingFixtures.Register register = new MeetingFixtures.Register(40,
                Map.of("EE", Capacity.PARTY, "BY", Capacity.NONE));
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes()).given(MeetingFixtures.TCY_14)
                .when(new InviteAdHocObserver("T-CY-14", "BY", LocalDate.parse("2015-11-20"), "T-CY 14 invitation"))
                .expectEvents(new MeetingEvent.AdHocObserverInvited("T-CY-14", "BY", LocalDate.parse("2015-11-20"),
                        "T-CY 14 invitation"));
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes()).given(MeetingFixtures.TCY_14,
                        new MeetingEvent.AdHocObserverInvited("T-CY-14", "BY", LocalDate.parse("2015-11-20"), null))
                .when(new InviteAdHocObserver("T-CY-14", "BY", LocalDate.parse("2015-11-21"), null))
                .expectException(ruleNamed("already-invited")).expectNoEvents();
        MeetingFixtures.fixture(register, new MeetingFixtures.Notes()).given(MeetingFixtures.TCY_14)
                .when(new InviteAdHocObserver("T-CY-14", "EE", LocalDate.parse("2015-11-20"), null))
                .expectException(ruleNamed("ad-hoc-invitation-only-without-capacity")).expectNoEvents();
    }

    @Test
    void aDraftingMeetingIsScheduledWithinItsBodysMandate() {
        MeetingFixtures.Bodies bodies = new MeetingFixtures.Bodies();
        bodies.mandates.put("pdg", new Mandate("pdg", LocalDate.parse("2017-06-08"), LocalDate.parse("2021-05-31")));
        MeetingFixtures.fixture(new MeetingFixtures.Register(1, Map.of()), new MeetingFixtures.Notes(), bodies)
                .givenNoPriorActivity()
                .when(new ScheduleMeeting("PDG-10", MeetingKind.PROTOCOL_DRAFTING, "10th Protocol Drafting Plenary",
                        "online", LocalDate.parse("2021-05-26"), LocalDate.parse("2021-06-01"), "pdg"))
                .expectException(ruleNamed("meeting-within-mandate")).expectNoEvents();
        MeetingFixtures.fixture(new MeetingFixtures.Register(1, Map.of()), new MeetingFixtures.Notes(), bodies)
                .givenNoPriorActivity()
                .when(new ScheduleMeeting("PDG-10", MeetingKind.PROTOCOL_DRAFTING, "10th Protocol Drafting Plenary",
                        "online", LocalDate.parse("2021-05-26"), LocalDate.parse("2021-05-27"), "pdg"))
                .expectEvents(new MeetingScheduled("PDG-10", MeetingKind.PROTOCOL_DRAFTING,
                        "10th Protocol Drafting Plenary", "online", LocalDate.parse("2021-05-26"),
                        LocalDate.parse("2021-05-27"), "pdg"));
    }
}
