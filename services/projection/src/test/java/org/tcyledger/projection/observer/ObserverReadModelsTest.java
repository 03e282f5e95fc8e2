package org.tcyledger.projection.observer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** Guidance notes, meeting outcomes and the audit log, fed through the real topic as meetings publishes them. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class ObserverReadModelsTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class);
    private static final LocalDate JUNE_5 = LocalDate.parse("2013-06-05");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private void publish(EventEnvelope... envelopes) {
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, envelopes);
    }

    @Test
    void observersReadTheNotesAdoptedAtTcy9AndItsOutcomes() {
        PublishedStream botnets = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-botnets");
        PublishedStream draftOnly = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-draft-only");
        PublishedStream tcy9 = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY-9");
        GuidanceNoteEvent.Texts both = new GuidanceNoteEvent.Texts("Botnets …", "Les botnets …");
        publish(botnets.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-botnets", 1, "Guidance Note on botnets",
                        List.of("2", "3", "4", "5", "6"), both, false)),
                draftOnly.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-draft-only", 1, "A draft", List.of("18"),
                        new GuidanceNoteEvent.Texts("…", null), false)),
                tcy9.next(new MeetingEvent.MeetingScheduled("T-CY-9", MeetingKind.PLENARY, "9th Plenary", "Strasbourg",
                        LocalDate.parse("2013-06-04"), JUNE_5)),
                tcy9.next(new MeetingEvent.AgendaItemAdded("T-CY-9", "i1", "Guidance notes", List.of("T-CY(2013)6"))),
                tcy9.next(new MeetingEvent.MeetingOpened("T-CY-9")),
                tcy9.next(new MeetingEvent.AttendanceRecorded("T-CY-9", "EE", AttendanceCapacity.PARTY, List.of())),
                tcy9.next(new MeetingEvent.AttendanceRecorded("T-CY-9", "ZA", AttendanceCapacity.OBSERVER, List.of())),
                tcy9.next(new MeetingEvent.DecisionAdopted("T-CY-9", "d1", "i1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                        "gn-botnets", 1, "The T-CY adopted the Guidance Note on botnets", MeetingEvent.Vote.consensus(),
                        JUNE_5, 2, 1)),
                botnets.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-botnets", 1, "T-CY-9", "d1", JUNE_5)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("meetingId", "T-CY-9").get("/guidance-notes").then()
                        .statusCode(200).body("id", contains("gn-botnets")).body("[0].fr", equalTo("Les botnets …"))
                        .body("[0].adoption.adoptedOn", equalTo("2013-06-05")));
        given().auth().oauth2(OBSERVER).get("/guidance-notes").then().body("id", not(hasItem("gn-draft-only")));
        given().auth().oauth2(OBSERVER).get("/guidance-notes/gn-draft-only").then().statusCode(404);
        given().auth().oauth2(SECRETARIAT).get("/guidance-notes/gn-draft-only").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).get("/meetings/T-CY-9/outcomes").then().statusCode(200)
                        .body("attendance.PARTY", contains("EE")).body("attendance.OBSERVER", contains("ZA"))
                        .body("decisions[0].kind", equalTo("ADOPT_GUIDANCE_NOTE"))
                        .body("decisions[0].vote.mode", equalTo("CONSENSUS"))
                        .body("agenda[0].documentSymbols", contains("T-CY(2013)6")));
        given().auth().oauth2(OBSERVER).queryParam("from", "2013-01-01").queryParam("to", "2013-12-31")
                .queryParam("kind", "PLENARY").get("/meetings").then().statusCode(200).body("id", hasItem("T-CY-9"));
        given().auth().oauth2(OBSERVER).queryParam("from", "June 2013").get("/meetings").then().statusCode(400);

        // the public record: anyone reads a meeting's outcomes once its report is published, not before
        given().get("/meetings/T-CY-9/outcomes").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("from", "2013-01-01").queryParam("to", "2013-12-31").get("/meetings").then()
                .statusCode(200).body("id", not(hasItem("T-CY-9")));
        publish(tcy9.next(new MeetingEvent.MeetingClosed("T-CY-9")),
                tcy9.next(new MeetingEvent.MeetingReportPublished("T-CY-9", LocalDate.parse("2013-07-01"),
                        "T-CY(2013)13")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/meetings/T-CY-9/outcomes").then().statusCode(200)
                        .body("meeting.reportPublishedOn", equalTo("2013-07-01")));
        given().queryParam("from", "2013-01-01").queryParam("to", "2013-12-31").get("/meetings").then()
                .statusCode(200).body("id", hasItem("T-CY-9"));
    }

    @Test
    void observersReadOnlyAdoptedReportsWithTheirFollowUp() {
        EventCatalog catalog = new EventCatalog(AssessmentEvent.class);
        PublishedStream round2 = new PublishedStream(catalog, "/tcy/assessments", "round-2-mla");
        PublishedStream round3 = new PublishedStream(catalog, "/tcy/assessments", "round-3-article-13");
        AssessmentEvent.Recommendation r1 = new AssessmentEvent.Recommendation("r1", "Parties", "Allocate resources",
                AssessmentEvent.Priority.HIGH);
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                round2.next(new AssessmentEvent.AssessmentCycleLaunched("round-2-mla", "Mutual legal assistance",
                        List.of("31"), LocalDate.parse("2013-04-01"), LocalDate.parse("2013-09-30"), List.of("EE", "RO"))),
                round2.next(new AssessmentEvent.DraftReportSubmitted("round-2-mla", 1,
                        List.of(new AssessmentEvent.Finding("EE", "31", "adopted text")), List.of(r1))),
                round2.next(new AssessmentEvent.DraftReportSubmitted("round-2-mla", 2,
                        List.of(new AssessmentEvent.Finding("EE", "31", "a later draft")), List.of(r1))),
                round2.next(new AssessmentEvent.AssessmentReportAdopted("round-2-mla", 1, "T-CY-12", "d1",
                        LocalDate.parse("2014-12-03"))),
                round2.next(new AssessmentEvent.FollowUpRecorded("round-2-mla", "r1", "EE",
                        AssessmentEvent.FollowUpStatus.PARTIALLY, LocalDate.parse("2016-06-01"), null)),
                round3.next(new AssessmentEvent.AssessmentCycleLaunched("round-3-article-13", "Article 13",
                        List.of("13"), LocalDate.parse("2015-06-01"), LocalDate.parse("2015-10-01"), List.of("EE"))),
                round3.next(new AssessmentEvent.DraftReportSubmitted("round-3-article-13", 1, List.of(), List.of(r1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).get("/assessment-reports/round-2-mla").then().statusCode(200)
                        .body("version", equalTo(1)).body("findings[0].text", equalTo("adopted text"))
                        .body("meetingId", equalTo("T-CY-12"))
                        .body("followUps[0].status", equalTo("PARTIALLY")));
        given().auth().oauth2(OBSERVER).get("/assessment-reports/round-3-article-13").then().statusCode(404);
        given().auth().oauth2(OBSERVER).get("/assessment-reports").then().body("cycleId", not(hasItem("round-3-article-13")));
    }

    @Test
    void aConsultationSummaryTalliesButNeverSinglesOutUnderChathamHouse() {
        EventCatalog catalog = new EventCatalog(ConsultationEvent.class);
        PublishedStream ceg = new PublishedStream(catalog, "/tcy/cloud-evidence", "ceg-2015-hearing");
        ConsultationEvent.StakeholderKind provider = ConsultationEvent.StakeholderKind.SERVICE_PROVIDER;
        ConsultationEvent.StakeholderKind ngo = ConsultationEvent.StakeholderKind.CIVIL_SOCIETY;
        PublishedStream.publish(bootstrapServers, Topics.CLOUD_EVIDENCE,
                ceg.next(new ConsultationEvent.ConsultationOpened("ceg-2015-hearing", "Cloud evidence", "Which?",
                        List.of(new ConsultationEvent.Option("2", "Guidelines"), new ConsultationEvent.Option("3", "Protocol")),
                        LocalDate.parse("2015-05-26"), LocalDate.parse("2015-11-30"), true)),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed("ceg-2015-hearing", "s1", provider, "c2VhbGVkIEE=")),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed("ceg-2015-hearing", "s2", provider, "c2VhbGVkIEI=")),
                // as recorded before names were sealed: the name in clear, no sealedName
                ceg.next(new ConsultationEvent.StakeholderRegistered("ceg-2015-hearing", "s3", "NGO", ngo, null)),
                ceg.next(submission("sub1", provider, "2", ConsultationEvent.Stance.SUPPORT)),
                ceg.next(submission("sub2", provider, "2", ConsultationEvent.Stance.SUPPORT)),
                ceg.next(submission("sub3", ngo, "3", ConsultationEvent.Stance.OPPOSE)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).get("/consultations/ceg-2015-hearing/summary").then().statusCode(200)
                        .body("tally.find { it.optionId == '2' && it.kind == 'SERVICE_PROVIDER' }.count", equalTo(2))
                        .body("tally.find { it.optionId == '3' && it.kind == 'CIVIL_SOCIETY' }.suppressed", equalTo(true))
                        .body("tally.find { it.optionId == '3' && it.kind == 'CIVIL_SOCIETY' }.count", equalTo(null)));
        // the one civil-society stakeholder: which cells of its kind exist must not say what it chose, so every
        // option and stance of the kind is there, suppressed alike
        List<Map<String, Object>> ngoCells = given().auth().oauth2(OBSERVER).get("/consultations/ceg-2015-hearing/summary")
                .then().extract().jsonPath().getList("tally.findAll { it.kind == 'CIVIL_SOCIETY' }");
        assertEquals(6, ngoCells.size(), "2 options × 3 stances: " + ngoCells);
        assertTrue(ngoCells.stream().allMatch(cell -> Boolean.TRUE.equals(cell.get("suppressed")) && cell.get("count") == null),
                ngoCells.toString());
    }

    private static ConsultationEvent.SubmissionReceived submission(String id, ConsultationEvent.StakeholderKind kind,
                                                                   String option, ConsultationEvent.Stance stance) {
        return new ConsultationEvent.SubmissionReceived("ceg-2015-hearing", id, LocalDate.parse("2015-11-30"), kind,
                List.of(new ConsultationEvent.Position(option, stance)), "…", "c2VhbGVk", true);
    }

    @Test
    void theAuditLogVerifiesAndACorruptedRecordIsFound() {
        PublishedStream honest = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY-10");
        publish(honest.next(new MeetingEvent.MeetingScheduled("T-CY-10", MeetingKind.PLENARY, "10th Plenary",
                "Strasbourg", LocalDate.parse("2013-12-05"), LocalDate.parse("2013-12-06"))),
                honest.next(new MeetingEvent.MeetingOpened("T-CY-10")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(AUDITOR).queryParam("subject", "T-CY-10").get("/audit/events").then()
                        .statusCode(200).body("events.size()", equalTo(2))
                        .body("events[1].type", equalTo("tcy.meetings.MeetingOpened.v1")));
        given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                .body("breaks.subject", not(hasItem("T-CY-10")));

        PublishedStream tampered = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY-11");
        EventEnvelope genuine = tampered.next(new MeetingEvent.MeetingScheduled("T-CY-11", MeetingKind.PLENARY,
                "11th Plenary", "Strasbourg", LocalDate.parse("2014-06-17"), LocalDate.parse("2014-06-18")));
        EventEnvelope corrupted = new EventEnvelope(genuine.id(), genuine.source(), genuine.type(), genuine.subject(),
                genuine.sequence(), genuine.time(), genuine.actor(), null, null, genuine.prevhash(), genuine.hash(),
                null, new String(genuine.data()).replace("Strasbourg", "Budapest").getBytes());
        publish(corrupted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                        .body("verified", equalTo(false)).body("breaks.subject", hasItem("T-CY-11")));
        given().auth().oauth2(OBSERVER).get("/audit/verify").then().statusCode(403);
    }
}
