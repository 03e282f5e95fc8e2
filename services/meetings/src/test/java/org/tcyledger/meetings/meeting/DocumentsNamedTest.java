package org.tcyledger.meetings.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEC_1;
import static org.tcyledger.meetings.meeting.MeetingFixtures.ITEM;
import static org.tcyledger.meetings.meeting.MeetingFixtures.TCY_14;
import static org.tcyledger.meetings.meeting.MeetingFixtures.UNREGISTERED;
import static org.tcyledger.meetings.meeting.MeetingFixtures.fixture;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.AgendaItemAdded;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingClosed;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingReportPublished;
import org.tcyledger.contracts.meetings.MeetingEvent.QuorumBase;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyMandate;
import org.tcyledger.meetings.meeting.MeetingCommands.AddAgendaItem;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.PublishReport;

/**
 * What a meeting records names registered documents (domain.md §2): the documents tabled under an agenda item, the
 * document a decision adopts and the meeting's report; a symbol not in the register is {@code unknown-document}.
 */
class DocumentsNamedTest {

    private static final AttendanceRecorded ESTONIA = new AttendanceRecorded("T-CY-14", "EE", AttendanceCapacity.PARTY,
            List.of());
    private static final LocalDate JAN_15 = LocalDate.parse("2016-01-15");

    private static AdoptDecision adopting(String symbol) {
        return new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_WORK_PLAN, null, null,
                "The T-CY adopted its work plan", Vote.consensus(), DEC_1, symbol, List.of(), null, null);
    }

    @Test
    void anAgendaItemTablesOnlyRegisteredDocuments() {
        fixture(0).given(TCY_14)
                .when(new AddAgendaItem("T-CY-14", "item-1", "Work plan", List.of("T-CY(2015)20", UNREGISTERED)))
                .expectException(ruleNamed("unknown-document")).expectExceptionMessage(containsString(UNREGISTERED))
                .expectNoEvents();
        fixture(0).given(TCY_14)
                .when(new AddAgendaItem("T-CY-14", "item-1", "Work plan", List.of("T-CY(2015)20", "T-CY(2015)21")))
                .expectEvents(new AgendaItemAdded("T-CY-14", "item-1", "Work plan",
                        List.of("T-CY(2015)20", "T-CY(2015)21")));
    }

    @Test
    void aDecisionAdoptsOnlyARegisteredDocument() {
        fixture(1).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), ESTONIA)
                .when(adopting(UNREGISTERED))
                .expectException(ruleNamed("unknown-document")).expectNoEvents();
        fixture(1).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), ESTONIA)
                .when(adopting("T-CY(2015)20"))
                .expectEvents(new DecisionAdopted("T-CY-14", "d1", "item-1", DecisionKind.ADOPT_WORK_PLAN, null, null,
                        "The T-CY adopted its work plan", Vote.consensus(), DEC_1, 1, 1, QuorumBase.PARTIES,
                        "T-CY(2015)20", List.of(), null, null));
        // a decision naming no document needs none
        fixture(1).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), ESTONIA)
                .when(adopting(null)).expectSuccessfulHandlerExecution();
    }

    /** A working body's terms of reference are a document of the register too. */
    @Test
    void aWorkingBodysTermsOfReferenceAreRegistered() {
        fixture(1).given(TCY_14, ITEM, new MeetingOpened("T-CY-14"), ESTONIA)
                .when(new AdoptDecision("T-CY-14", "d1", "item-1", DecisionKind.ESTABLISH_WORKING_BODY, null, null,
                        "The T-CY set up the Cloud Evidence Group", Vote.consensus(), DEC_1, null, List.of(),
                        new WorkingBodyMandate("ceg", "Cloud Evidence Group", WorkingBodyKind.CLOUD_EVIDENCE_GROUP,
                                UNREGISTERED, LocalDate.parse("2016-12-31"), List.of()), null))
                .expectException(ruleNamed("unknown-document")).expectNoEvents();
    }

    @Test
    void theReportIsARegisteredDocument() {
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new PublishReport("T-CY-14", JAN_15, UNREGISTERED))
                .expectException(ruleNamed("unknown-document")).expectNoEvents();
        fixture(0).given(TCY_14, new MeetingOpened("T-CY-14"), new MeetingClosed("T-CY-14"))
                .when(new PublishReport("T-CY-14", JAN_15, "T-CY(2015)31"))
                .expectEvents(new MeetingReportPublished("T-CY-14", JAN_15, "T-CY(2015)31"));
    }
}
