package org.tcyledger.projection.documents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The document register read model, fed through the real topic as meetings publishes it: what T-CY 12 tabled and
 * adopted, as an observer reads it and as anyone reads the public record.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class DocumentRegisterTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, DocumentEvent.class);
    private static final LocalDate DEC_2 = LocalDate.parse("2014-12-02");
    private static final LocalDate DEC_3 = LocalDate.parse("2014-12-03");
    private static final String WORK_PLAN = "T-CY(2014)17";
    private static final String PAPER = "T-CY(2014)18";
    private static final String WORK_PLAN_REV = "T-CY(2014)17 rev";
    private static final String REPORT = "T-CY(2014)20";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    ConsumerRunner runner;

    private void publish(EventEnvelope... envelopes) {
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, envelopes);
    }

    private static DocumentEvent.DocumentRegistered registered(String symbol, DocumentKind kind, LocalDate datedOn,
                                                               DocumentAccess access, String supersedes) {
        return new DocumentEvent.DocumentRegistered(symbol, symbol + " title", kind, datedOn, List.of("en", "fr"),
                access, supersedes);
    }

    private static PublishedStream stream(String subject) {
        return new PublishedStream(MEETINGS, "/tcy/meetings", subject);
    }

    @Test
    void whatTcy12TabledAndAdoptedAsObserversAndThePublicReadIt() {
        PublishedStream tcy12 = stream("T-CY-12");
        PublishedStream paper = stream(PAPER);
        // the meeting's events may arrive before the documents' own (another partition): kept by symbol, joined later
        publish(tcy12.next(new MeetingEvent.MeetingScheduled("T-CY-12", MeetingKind.PLENARY, "12th Plenary",
                        "Strasbourg", DEC_2, DEC_3)),
                tcy12.next(new MeetingEvent.AgendaItemAdded("T-CY-12", "i1", "Work plan", List.of(WORK_PLAN, PAPER))),
                tcy12.next(new MeetingEvent.MeetingOpened("T-CY-12")),
                tcy12.next(new MeetingEvent.DecisionAdopted("T-CY-12", "d1", "i1", DecisionKind.ADOPT_WORK_PLAN, null,
                        null, "The T-CY adopted its work plan", MeetingEvent.Vote.consensus(), DEC_3, 40, 30,
                        MeetingEvent.QuorumBase.PARTIES, WORK_PLAN, List.of(), null, null)),
                tcy12.next(new MeetingEvent.MeetingClosed("T-CY-12")),
                stream(WORK_PLAN).next(registered(WORK_PLAN, DocumentKind.WORK_PLAN, DEC_2, DocumentAccess.PUBLIC,
                        null)),
                paper.next(registered(PAPER, DocumentKind.DISCUSSION_PAPER, DEC_2, DocumentAccess.RESTRICTED, null)),
                stream(WORK_PLAN_REV).next(registered(WORK_PLAN_REV, DocumentKind.WORK_PLAN, DEC_3,
                        DocumentAccess.RESTRICTED, WORK_PLAN)),
                stream(REPORT).next(registered(REPORT, DocumentKind.MEETING_REPORT, LocalDate.parse("2015-01-20"),
                        DocumentAccess.PUBLIC, null)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("meetingId", "T-CY-12").get("/documents").then()
                        .statusCode(200).body("symbol", contains(WORK_PLAN, PAPER))
                        .body("[0].tabledAt[0].meetingId", equalTo("T-CY-12"))
                        .body("[0].tabledAt[0].itemTitle", equalTo("Work plan"))
                        .body("[0].adoptedBy[0].decisionId", equalTo("d1"))
                        .body("[0].adoptedBy[0].kind", equalTo("ADOPT_WORK_PLAN"))
                        .body("[0].adoptedBy[0].adoptedOn", equalTo("2014-12-03"))
                        .body("[0].supersededBy", contains(WORK_PLAN_REV))
                        .body("[1].access", equalTo("RESTRICTED")).body("[1].adoptedBy", empty()));

        // the public record: PUBLIC documents, and T-CY 12's outcomes only once its report is published
        given().queryParam("meetingId", "T-CY-12").get("/documents").then().statusCode(200).body("symbol", empty());
        given().urlEncodingEnabled(false).get("/documents/T-CY%282014%2917").then().statusCode(200)
                .body("tabledAt", empty()).body("adoptedBy", empty()).body("supersededBy", empty());
        given().urlEncodingEnabled(false).get("/documents/T-CY%282014%2918").then().statusCode(404);
        given().queryParam("access", "RESTRICTED").get("/documents").then().statusCode(200).body("symbol", empty());

        publish(tcy12.next(new MeetingEvent.MeetingReportPublished("T-CY-12", LocalDate.parse("2015-01-20"), REPORT)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("meetingId", "T-CY-12").get("/documents").then().statusCode(200)
                        .body("symbol", contains(WORK_PLAN, REPORT))
                        .body("[0].adoptedBy[0].meetingId", equalTo("T-CY-12"))
                        .body("[1].reportOf", equalTo("T-CY-12")));
        given().auth().oauth2(OBSERVER).queryParam("meetingId", "T-CY-12").get("/documents").then()
                .body("symbol", contains(WORK_PLAN, PAPER, REPORT));

        publish(paper.next(new DocumentEvent.DocumentPublished(PAPER, LocalDate.parse("2015-02-01"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().urlEncodingEnabled(false).get("/documents/T-CY%282014%2918").then().statusCode(200)
                        .body("access", equalTo("PUBLIC")).body("publishedOn", equalTo("2015-02-01"))
                        .body("tabledAt[0].meetingId", equalTo("T-CY-12")));
    }

    /**
     * A report published without a document (the topic's schema allows a null symbol) is no document of the
     * register: it was parked, and so held back everything later of that meeting.
     */
    @Test
    void aReportWithoutADocumentIsNoDocumentAndHoldsNothingBack() {
        PublishedStream meeting = stream("T-CY-NOSYMBOL");
        String tabled = "T-CY(2014)90";
        publish(stream(tabled).next(registered(tabled, DocumentKind.DISCUSSION_PAPER, DEC_2, DocumentAccess.PUBLIC,
                        null)),
                meeting.next(new MeetingEvent.MeetingScheduled("T-CY-NOSYMBOL", MeetingKind.PLENARY, "A plenary",
                        "Strasbourg", DEC_2, DEC_3)),
                meeting.next(new MeetingEvent.MeetingReportPublished("T-CY-NOSYMBOL", DEC_3, null)),
                meeting.next(new MeetingEvent.AgendaItemAdded("T-CY-NOSYMBOL", "i1", "Later", List.of(tabled))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).urlEncodingEnabled(false).get("/documents/T-CY%282014%2990").then()
                        .statusCode(200).body("tabledAt.meetingId", contains("T-CY-NOSYMBOL")));
        given().auth().oauth2(AUDITOR).get("/audit/parked").then().statusCode(200)
                .body("findAll { it.subject == 'T-CY-NOSYMBOL' }", empty());
    }

    /** A rebuild replays every consumer the runner runs, into tables made by every migration: this one too. */
    @Test
    void theRebuildReplaysTheRegister() {
        assertTrue(runner.consumers().stream().anyMatch(consumer -> consumer.group().equals(DocumentsProjection.GROUP)),
                "the consumers a rebuild replays");
    }

    @Test
    void filtersAndPagesAreChecked() {
        PublishedStream opinion = stream("T-CY(2016)8");
        publish(opinion.next(registered("T-CY(2016)8", DocumentKind.OPINION, LocalDate.parse("2016-06-14"),
                        DocumentAccess.PUBLIC, null)),
                stream("CM(2016)99").next(registered("CM(2016)99", DocumentKind.EXTERNAL,
                        LocalDate.parse("2016-07-06"), DocumentAccess.PUBLIC, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("year", "2016").get("/documents").then().statusCode(200)
                        .body("symbol", contains("T-CY(2016)8", "CM(2016)99")));
        given().queryParam("year", "2016").queryParam("kind", "EXTERNAL").get("/documents").then()
                .body("symbol", contains("CM(2016)99"));
        given().queryParam("year", "2016").queryParam("size", "1").queryParam("page", "1").get("/documents").then()
                .statusCode(200).header("X-Total-Count", "2").body("symbol", contains("CM(2016)99"));
        given().queryParam("kind", "MEMO").get("/documents").then().statusCode(400);
        given().queryParam("year", "16").get("/documents").then().statusCode(400);
        given().queryParam("access", "SECRET").get("/documents").then().statusCode(400);
    }
}
