package org.tcyledger.projection.observer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The public record (domain.md §5) through the real topics: anyone reads an adopted guidance note or an adopted
 * assessment report once its document is PUBLIC in the register, not before; observers read them all along.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class PublicRecordTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class,
            DocumentEvent.class);
    private static final LocalDate JUNE_5 = LocalDate.parse("2013-06-05");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static DocumentEvent.DocumentRegistered document(String symbol, DocumentKind kind, DocumentAccess access) {
        return new DocumentEvent.DocumentRegistered(symbol, "A document", kind, LocalDate.parse("2013-02-01"),
                List.of("en", "fr"), access, null);
    }

    @Test
    void anAdoptedNoteIsPublicOnceItsDocumentIs() {
        PublishedStream named = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-public-ddos");
        PublishedStream unnamed = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-public-unnamed");
        GuidanceNoteEvent.Texts both = new GuidanceNoteEvent.Texts("DDOS …", "DDOS …");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                named.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-public-ddos", 1, "Guidance Note on DDOS",
                        List.of("5"), both, false, "T-CY(2013)10")),
                named.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-public-ddos", 1, "T-CY-9", "d-pub-1", JUNE_5)),
                unnamed.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-public-unnamed", 1, "A note named by no "
                        + "document", List.of("2"), both, false)),
                unnamed.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-public-unnamed", 1, "T-CY-9", "d-pub-2",
                        JUNE_5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OBSERVER)
                .get("/guidance-notes").then().statusCode(200).body("id", hasItems("gn-public-ddos", "gn-public-unnamed")));
        given().get("/guidance-notes").then().statusCode(200).body("id", not(hasItem("gn-public-ddos")));
        given().get("/guidance-notes/gn-public-ddos").then().statusCode(404).contentType("application/problem+json");

        PublishedStream register = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY(2013)10");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                register.next(document("T-CY(2013)10", DocumentKind.GUIDANCE_NOTE, DocumentAccess.PUBLIC)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/guidance-notes/gn-public-ddos").then()
                .statusCode(200).body("[0].symbol", equalTo("T-CY(2013)10")));
        given().get("/guidance-notes").then().statusCode(200)
                .body("id", hasItem("gn-public-ddos")).body("id", not(hasItem("gn-public-unnamed")));
    }

    @Test
    void anAdoptedReportIsPublicOnceItsDocumentIsPublished() {
        EventCatalog catalog = new EventCatalog(AssessmentEvent.class);
        PublishedStream round = new PublishedStream(catalog, "/tcy/assessments", "round-public");
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                round.next(new AssessmentEvent.AssessmentCycleLaunched("round-public", "Preservation", List.of("16"),
                        LocalDate.parse("2011-06-01"), LocalDate.parse("2011-12-01"), List.of("EE"))),
                round.next(new AssessmentEvent.DraftReportSubmitted("round-public", 1, List.of(), List.of(),
                        "T-CY(2012)10")),
                round.next(new AssessmentEvent.AssessmentReportAdopted("round-public", 1, "T-CY-8", "d-pub-3",
                        LocalDate.parse("2012-12-05"), "T-CY(2012)10")));
        PublishedStream register = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY(2012)10");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                register.next(document("T-CY(2012)10", DocumentKind.ASSESSMENT_REPORT, DocumentAccess.RESTRICTED)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OBSERVER)
                .get("/assessment-reports/round-public").then().statusCode(200)
                .body("documentSymbol", equalTo("T-CY(2012)10")));
        given().get("/assessment-reports/round-public").then().statusCode(404);
        given().get("/assessment-reports").then().statusCode(200).body("cycleId", not(hasItem("round-public")));

        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                register.next(new DocumentEvent.DocumentPublished("T-CY(2012)10", LocalDate.parse("2013-01-20"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/assessment-reports/round-public")
                .then().statusCode(200));
        given().get("/assessment-reports").then().statusCode(200).body("cycleId", hasItem("round-public"));
    }
}
