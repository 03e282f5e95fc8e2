package org.tcyledger.projection.indicators;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The indicators per year, through the real topics, over an invented record in 1991 to 1996 (years no other test
 * uses, since the read models are shared): members X* and two organisations on every 31 December, meetings of 1993 to
 * 1995, notes, reports and a consultation. The one year still to come is 2098.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class IndicatorsTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog MEMBERSHIP = new EventCatalog(MembershipEvent.class);
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class,
            DocumentEvent.class);
    private static final EventCatalog ASSESSMENTS = new EventCatalog(AssessmentEvent.class);
    private static final EventCatalog CLOUD_EVIDENCE = new EventCatalog(ConsultationEvent.class);
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private void publish(String topic, EventEnvelope... envelopes) {
        PublishedStream.publish(bootstrapServers, topic, envelopes);
    }

    private void member(String id, MemberKind kind, Object... steps) {
        PublishedStream stream = new PublishedStream(MEMBERSHIP, "/tcy/membership", id);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(stream.next(new MemberRegistered(id, "Member " + id, kind, kind == MemberKind.STATE)));
        Arrays.stream(steps).forEach(step -> events.add(stream.next(step)));
        publish(Topics.MEMBERSHIP, events.toArray(EventEnvelope[]::new));
    }

    private static MembershipEvent.InstrumentDeposited deposit(String id, InstrumentKind kind, String depositedOn,
                                                               String entryIntoForceOn) {
        return new MembershipEvent.InstrumentDeposited(id, Treaty.ETS185, kind, on(depositedOn), List.of(), List.of(),
                on(entryIntoForceOn));
    }

    /** A meeting scheduled, then what the secretariat recorded of it ({@code opened}, attendance, closing, report). */
    private void meeting(String id, MeetingKind kind, String startsOn, String endsOn, boolean opened,
                         List<String> attended, boolean closed, String reportPublishedOn) {
        PublishedStream stream = new PublishedStream(MEETINGS, "/tcy/meetings", id);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(stream.next(new MeetingEvent.MeetingScheduled(id, kind, "Meeting " + id, "Strasbourg", on(startsOn),
                on(endsOn))));
        if (opened) {
            events.add(stream.next(new MeetingEvent.MeetingOpened(id)));
        }
        attended.forEach(memberId -> events.add(stream.next(new MeetingEvent.AttendanceRecorded(id, memberId,
                memberId.startsWith("X") ? AttendanceCapacity.PARTY : AttendanceCapacity.OBSERVER, List.of()))));
        if (closed) {
            events.add(stream.next(new MeetingEvent.MeetingClosed(id)));
        }
        if (reportPublishedOn != null) {
            events.add(stream.next(new MeetingEvent.MeetingReportPublished(id, on(reportPublishedOn),
                    "T-CY(" + startsOn.substring(0, 4) + ")9")));
        }
        publish(Topics.MEETINGS, events.toArray(EventEnvelope[]::new));
    }

    private void document(String symbol, DocumentAccess access) {
        publish(Topics.MEETINGS, new PublishedStream(MEETINGS, "/tcy/meetings", symbol).next(
                new DocumentEvent.DocumentRegistered(symbol, "Document " + symbol, DocumentKind.OTHER, on("1993-01-04"),
                        List.of("en", "fr"), access, null)));
    }

    @BeforeEach
    void theRecord() {
        if (published) {
            return;
        }
        published = true;
        // XA signs in 1991 and ratifies on 1992-09-30: in force on 1 January 1993, a Party from the 1993 count on
        member("XA", MemberKind.STATE, new MembershipEvent.TreatySigned("XA", Treaty.ETS185, on("1991-05-10")),
                deposit("XA", InstrumentKind.RATIFICATION, "1992-09-30", "1993-01-01"));
        // XB a Party from 1991-10-01 until its denunciation takes effect on 1994-12-01
        member("XB", MemberKind.STATE, new MembershipEvent.TreatySigned("XB", Treaty.ETS185, on("1991-02-01")),
                deposit("XB", InstrumentKind.RATIFICATION, "1991-06-15", "1991-10-01"),
                new MembershipEvent.TreatyDenounced("XB", Treaty.ETS185, on("1994-08-15"), on("1994-12-01")));
        // XC a Party from 1991-05-01; its denunciation takes effect on 1 January 1996: still a Party on 31 December 1995
        member("XC", MemberKind.STATE, new MembershipEvent.TreatySigned("XC", Treaty.ETS185, on("1991-01-10")),
                deposit("XC", InstrumentKind.RATIFICATION, "1991-01-20", "1991-05-01"),
                new MembershipEvent.TreatyDenounced("XC", Treaty.ETS185, on("1995-09-20"), on("1996-01-01")));
        // XD invited on 1990-06-01; the invitation lapses on 1995-06-01
        member("XD", MemberKind.STATE, new MembershipEvent.InvitedToAccede("XD", on("1990-06-01"), null,
                on("1995-06-01")));
        // XE invited on 31 December 1992 (counted that day), accedes in 1993, in force on 1994-02-01
        member("XE", MemberKind.STATE, new MembershipEvent.InvitedToAccede("XE", on("1992-12-31"), null,
                on("1997-12-31")), deposit("XE", InstrumentKind.ACCESSION, "1993-10-15", "1994-02-01"));
        // a State with observer status is not an observer organisation
        member("XF", MemberKind.STATE, new MembershipEvent.ObserverStatusGranted("XF", on("1992-03-01"), null));
        // INDORGA an observer from 1992-01-01; its status ends on 31 December 1994, so it is not one that day
        member("INDORGA", MemberKind.ORGANISATION,
                new MembershipEvent.ObserverStatusGranted("INDORGA", on("1992-01-01"), null),
                new MembershipEvent.ObserverStatusEnded("INDORGA", on("1994-12-31")));
        member("INDORGB", MemberKind.ORGANISATION,
                new MembershipEvent.ObserverStatusGranted("INDORGB", on("1993-12-31"), null));

        // 1993: two plenaries held (one with its report published), a Bureau and a working group held; a plenary
        // never opened, a written procedure; 1994: a plenary that begins on 30 December; 2098: one still to come
        meeting("IND-P1", MeetingKind.PLENARY, "1993-06-01", "1993-06-03", true, List.of("XA", "XB", "XC"), true,
                "1993-07-01");
        meeting("IND-P2", MeetingKind.PLENARY, "1993-11-29", "1993-12-01", true, List.of("XB", "XE", "INDORGA"), true,
                null);
        meeting("IND-P3", MeetingKind.PLENARY, "1993-03-01", "1993-03-02", false, List.of(), false, null);
        meeting("IND-B1", MeetingKind.BUREAU, "1993-02-10", "1993-02-10", true, List.of(), true, null);
        meeting("IND-W1", MeetingKind.WORKING_GROUP, "1993-09-09", "1993-09-10", true, List.of(), true, null);
        meeting("IND-WP", MeetingKind.WRITTEN_PROCEDURE, "1993-04-01", "1993-04-30", true, List.of(), true, null);
        meeting("IND-P4", MeetingKind.PLENARY, "1994-12-30", "1995-01-02", true, List.of(), false, null);
        meeting("IND-F1", MeetingKind.PLENARY, "2098-05-04", "2098-05-06", true, List.of(), false, null);

        // notes: gn-ind-a adopted in 1993 (its document PUBLIC) and again, revised, in 1995 (RESTRICTED);
        // gn-ind-b adopted in 1993, named by no document
        GuidanceNoteEvent.Texts texts = new GuidanceNoteEvent.Texts("…", "…");
        PublishedStream a = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-ind-a");
        PublishedStream b = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-ind-b");
        document("T-CY(1993)1", DocumentAccess.PUBLIC);
        document("T-CY(1995)2", DocumentAccess.RESTRICTED);
        document("T-CY(1994)3", DocumentAccess.PUBLIC);
        publish(Topics.MEETINGS,
                a.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-ind-a", 1, "A", List.of("2"), texts, false,
                        "T-CY(1993)1")),
                a.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-ind-a", 1, "IND-P1", "d1", on("1993-06-03"))),
                a.next(new GuidanceNoteEvent.GuidanceNoteRevised("gn-ind-a", 2, "A", List.of("2"), texts, false,
                        "T-CY(1995)2")),
                a.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-ind-a", 2, "IND-P5", "d1", on("1995-06-01"))),
                b.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-ind-b", 1, "B", List.of("3"), texts, false)),
                b.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-ind-b", 1, "IND-P2", "d2", on("1993-12-01"))));

        // reports: round-ind-1 adopted in 1994 (PUBLIC), its supplement in 1996 (no document); round-ind-2 in 1994
        PublishedStream one = new PublishedStream(ASSESSMENTS, "/tcy/assessments", "round-ind-1");
        PublishedStream two = new PublishedStream(ASSESSMENTS, "/tcy/assessments", "round-ind-2");
        publish(Topics.ASSESSMENTS,
                one.next(new AssessmentEvent.AssessmentCycleLaunched("round-ind-1", "One", List.of("16"),
                        on("1993-01-10"), on("1993-06-10"), List.of("XB", "XC"))),
                one.next(new AssessmentEvent.DraftReportSubmitted("round-ind-1", 1, List.of(), List.of(), "T-CY(1994)3")),
                one.next(new AssessmentEvent.AssessmentReportAdopted("round-ind-1", 1, "IND-P4", "d3", on("1994-12-05"),
                        "T-CY(1994)3")),
                one.next(new AssessmentEvent.SupplementOpened("round-ind-1", "s1", List.of("XA"), "a new Party")),
                one.next(new AssessmentEvent.SupplementDraftSubmitted("round-ind-1", "s1", 1, List.of(), List.of(),
                        null)),
                one.next(new AssessmentEvent.SupplementAdopted("round-ind-1", "s1", 1, "IND-P6", "d4", on("1996-06-01"),
                        null)),
                two.next(new AssessmentEvent.AssessmentCycleLaunched("round-ind-2", "Two", List.of("29"),
                        on("1993-02-10"), on("1993-07-10"), List.of("XB"))),
                two.next(new AssessmentEvent.DraftReportSubmitted("round-ind-2", 1, List.of(), List.of())),
                two.next(new AssessmentEvent.AssessmentReportAdopted("round-ind-2", 1, "IND-P4", "d5",
                        on("1994-06-01"))));

        // a consultation held in 1995; one that opens in 2098
        List<ConsultationEvent.Option> options = List.of(new ConsultationEvent.Option("1", "A protocol"));
        publish(Topics.CLOUD_EVIDENCE,
                new PublishedStream(CLOUD_EVIDENCE, "/tcy/cloud-evidence", "ceg-ind-1").next(
                        new ConsultationEvent.ConsultationOpened("ceg-ind-1", "Held", "?", options, on("1995-03-01"),
                                on("1995-05-01"), false)),
                new PublishedStream(CLOUD_EVIDENCE, "/tcy/cloud-evidence", "ceg-ind-2").next(
                        new ConsultationEvent.ConsultationOpened("ceg-ind-2", "To come", "?", options, on("2098-01-01"),
                                on("2098-03-01"), false)));
    }

    private static RequestSpecification observer() {
        return given().auth().oauth2(OBSERVER);
    }

    private static JsonPath indicators(RequestSpecification caller, int from, int to) {
        return caller.queryParam("from", from).queryParam("to", to).get("/indicators").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static List<Object> column(JsonPath answer, String indicator) {
        return answer.getList("years." + indicator);
    }

    @Test
    void theRegisterIsCountedOnEach31December() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = indicators(observer(), 1991, 1996);
            assertEquals(1991, answer.getInt("from"));
            assertEquals(1996, answer.getInt("to"));
            assertEquals(List.of(1991, 1992, 1993, 1994, 1995, 1996), column(answer, "year"));
            // XA counts from 1993 (in force on 1 January); XB leaves in 1994, XC only in 1996; XE joins in 1994
            assertEquals(List.of(2, 2, 3, 3, 3, 2), column(answer, "parties"));
            assertEquals(List.of(1, 0, 0, 0, 0, 0), column(answer, "signatoriesNotParties"));
            // XA ratified at the end of 1992, XE acceded at the end of 1993: not yet Parties on 31 December
            assertEquals(List.of(0, 1, 1, 0, 0, 0), column(answer, "depositedNotYetParties"));
            // XD until its invitation lapses in 1995; XE invited on 31 December 1992, acceded in 1993
            assertEquals(List.of(1, 2, 1, 1, 0, 0), column(answer, "statesInvited"));
            // INDORGA from 1992 to the day before 31 December 1994; INDORGB from 31 December 1993; never XF (a State)
            assertEquals(List.of(0, 1, 2, 1, 1, 1), column(answer, "observerOrganisations"));
        });
    }

    @Test
    void meetingsHeldAreCountedByTheirFirstDayPlenariesApart() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = indicators(observer(), 1993, 1995);
            // IND-P3 was never opened; the written procedure is no meeting; IND-P4 begins in 1994
            assertEquals(List.of(2, 1, 0), column(answer, "plenaries"));
            assertEquals(List.of(2, 0, 0), column(answer, "otherMeetings"));
            assertEquals(List.of(5, 0, 0), column(answer, "membersAttendingPlenaries"));
            assertEquals(List.of(3.0f), column(answer, "averageMembersPerPlenary").subList(0, 1));
            assertEquals(Arrays.asList(null, null), column(answer, "averageMembersPerPlenary").subList(1, 3));
        });
    }

    @Test
    void notesAndReportsAdoptedAndConsultationsHeldAreCountedByYear() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = indicators(observer(), 1993, 1996);
            assertEquals(List.of(2, 0, 1, 0), column(answer, "guidanceNotesAdopted"));
            assertEquals(List.of(0, 2, 0, 1), column(answer, "assessmentReportsAdopted"));
            assertEquals(List.of(0, 0, 1, 0), column(answer, "consultationsHeld"));
        });
    }

    @Test
    void whatIsStillToComeIsNotHeld() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // the consultation of 1995 shows that the consultations are in
            assertEquals(List.of(1), column(indicators(observer(), 1995, 1995), "consultationsHeld"));
            JsonPath answer = indicators(observer(), 2098, 2098);
            assertEquals(List.of(0), column(answer, "plenaries"));
            assertEquals(List.of(0), column(answer, "consultationsHeld"));
        });
    }

    /** domain.md §5: anyone reads the indicators; without a role of the committee, of the public record only. */
    @Test
    void anyoneReadsTheIndicatorsOfThePublicRecord() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = indicators(given(), 1993, 1996);
            assertEquals(true, answer.getBoolean("publicRecordOnly"));
            // the register is public: the same counts as an observer's
            assertEquals(List.of(3, 3, 3, 2), column(answer, "parties"));
            assertEquals(List.of(2, 1, 1, 1), column(answer, "observerOrganisations"));
            // only IND-P1's report is published
            assertEquals(List.of(1, 0, 0, 0), column(answer, "plenaries"));
            assertEquals(List.of(0, 0, 0, 0), column(answer, "otherMeetings"));
            assertEquals(List.of(3, 0, 0, 0), column(answer, "membersAttendingPlenaries"));
            // only documents PUBLIC in the register
            assertEquals(List.of(1, 0, 0, 0), column(answer, "guidanceNotesAdopted"));
            assertEquals(List.of(0, 1, 0, 0), column(answer, "assessmentReportsAdopted"));
            assertEquals(List.of(0, 0, 1, 0), column(answer, "consultationsHeld"));
        });
        assertEquals(false, indicators(observer(), 1993, 1993).getBoolean("publicRecordOnly"));
    }

    @Test
    void badYearsAreRefusedNamingTheParameter() {
        refused("from", "1989", "to", "1995", "from");
        refused("from", "1995", "to", "2101", "to");
        refused("from", "1995", "to", "1994", "from");
        refused("from", "1990", "to", "2100", "to");
        refused("from", "nineteen", "to", "1995", "from");
        refused("from", "1995", "to", "1995.5", "to");
        given().queryParam("from", "2001").queryParam("to", "2100").get("/indicators").then().statusCode(200)
                .body("years.size()", equalTo(100));
    }

    private static void refused(String first, String firstValue, String second, String secondValue, String named) {
        given().queryParam(first, firstValue).queryParam(second, secondValue).get("/indicators").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(named));
    }

    @Test
    void yearsRunFromTheFirstInTheRecordToThisYear() {
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = observer().get("/indicators").then().statusCode(200).extract().jsonPath();
            assertEquals(thisYear, answer.getInt("to"));
            org.hamcrest.MatcherAssert.assertThat(answer.getInt("from"), lessThanOrEqualTo(1991));
            assertEquals(answer.getInt("to") - answer.getInt("from") + 1, answer.getList("years").size());
        });
        observer().queryParam("to", 1992).get("/indicators").then().statusCode(200).body("to", equalTo(1992));
        observer().queryParam("from", 2098).get("/indicators").then().statusCode(200)
                .body("from", equalTo(2098)).body("to", equalTo(2098));
    }

    @Test
    void theAnswerIsTaggedAndAnswers304WhileUnchanged() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(List.of(2, 2), column(indicators(observer(), 1991, 1992), "parties")));
        String tag = observer().queryParam("from", 1991).queryParam("to", 1992).get("/indicators").then()
                .statusCode(200).header("ETag", not(emptyOrNullString())).extract().header("ETag");
        observer().queryParam("from", 1991).queryParam("to", 1992).header("If-None-Match", tag).get("/indicators")
                .then().statusCode(304);
    }
}
