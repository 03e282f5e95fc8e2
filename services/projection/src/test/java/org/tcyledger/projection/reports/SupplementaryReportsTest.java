package org.tcyledger.projection.reports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.Priority;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The preservation round's adopted report T-CY(2012)10 and, with it, its supplementary report on Malta and Panama
 * T-CY(2015)24 once adopted (T-CY 16 assumed: the sources do not record its adoption), fed through the real topic as
 * assessments publishes them. A supplement's draft not adopted is not shown.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class SupplementaryReportsTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String CYCLE = "round-1-preservation";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAdoptedSupplementAppearsWithItsCycle() {
        PublishedStream round1 = new PublishedStream(new EventCatalog(AssessmentEvent.class), "/tcy/assessments", CYCLE);
        Recommendation r1 = new Recommendation("r1", "Parties", "Make full use of Article 16", Priority.HIGH);
        Recommendation panama = new Recommendation("r1", "Panama", "Adopt specific provisions", Priority.MEDIUM);
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                round1.next(new AssessmentEvent.AssessmentCycleLaunched(CYCLE, "Expedited preservation",
                        List.of("16", "17", "29", "30"), LocalDate.parse("2012-01-10"), LocalDate.parse("2012-04-30"),
                        List.of("EE", "RO"))),
                round1.next(new AssessmentEvent.DraftReportSubmitted(CYCLE, 1,
                        List.of(new Finding("EE", "16", "Article 16 is implemented")), List.of(r1), "T-CY(2012)10")),
                round1.next(new AssessmentEvent.AssessmentReportAdopted(CYCLE, 1, "T-CY-8", "d-8",
                        LocalDate.parse("2012-12-05"), "T-CY(2012)10")),
                round1.next(new AssessmentEvent.SupplementOpened(CYCLE, "malta-panama", List.of("MT", "PA"),
                        "Parties after the launch")),
                round1.next(new AssessmentEvent.SupplementDraftSubmitted(CYCLE, "malta-panama", 1,
                        List.of(new Finding("MT", "16", "first draft")), List.of(panama), "T-CY(2015)24")),
                round1.next(new AssessmentEvent.SupplementDraftSubmitted(CYCLE, "malta-panama", 2,
                        List.of(new Finding("MT", "16", "Malta implements Article 16"),
                                new Finding("PA", "16", "Panama has no specific provision")), List.of(panama),
                        "T-CY(2015)24")),
                round1.next(new AssessmentEvent.SupplementOpened(CYCLE, "norway", List.of("NO"), "not adopted")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OBSERVER)
                .get("/assessment-reports/" + CYCLE).then().statusCode(200)
                .body("documentSymbol", equalTo("T-CY(2012)10")).body("supplements.size()", equalTo(0)));

        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                round1.next(new AssessmentEvent.SupplementAdopted(CYCLE, "malta-panama", 2, "T-CY-16", "d-16",
                        LocalDate.parse("2016-11-15"), "T-CY(2015)24")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OBSERVER)
                .get("/assessment-reports/" + CYCLE).then().statusCode(200)
                .body("supplements.size()", equalTo(1))
                .body("supplements[0].id", equalTo("malta-panama"))
                .body("supplements[0].partyIds", equalTo(List.of("MT", "PA")))
                .body("supplements[0].version", equalTo(2))
                .body("supplements[0].adoptedOn", equalTo("2016-11-15"))
                .body("supplements[0].meetingId", equalTo("T-CY-16"))
                .body("supplements[0].documentSymbol", equalTo("T-CY(2015)24"))
                .body("supplements[0].findings[1].text", equalTo("Panama has no specific provision"))
                .body("supplements[0].recommendations[0].addressee", equalTo("Panama"))
                // the main report as it was adopted
                .body("version", equalTo(1)).body("meetingId", equalTo("T-CY-8"))
                .body("adoptedOn", equalTo("2012-12-05")).body("assessedParties", equalTo(List.of("EE", "RO")))
                .body("findings[0].partyId", equalTo("EE")));
        given().auth().oauth2(OBSERVER).queryParam("party", "PA").get("/assessment-reports").then().statusCode(200)
                .body("cycleId", hasItem(CYCLE));
    }

    /** A report recorded before document symbols existed has none, and no supplements. */
    @Test
    void aReportFromBeforeSymbolsHasNone() {
        PublishedStream round = new PublishedStream(new EventCatalog(AssessmentEvent.class), "/tcy/assessments",
                "round-before-symbols");
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                round.next(new AssessmentEvent.AssessmentCycleLaunched("round-before-symbols", "A round", List.of("29"),
                        LocalDate.parse("2013-01-10"), LocalDate.parse("2013-04-30"), List.of("EE"))),
                round.next(new AssessmentEvent.DraftReportSubmitted("round-before-symbols", 1, List.of(), List.of())),
                round.next(new AssessmentEvent.AssessmentReportAdopted("round-before-symbols", 1, "T-CY-9", "d-9",
                        LocalDate.parse("2013-06-05"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OBSERVER)
                .get("/assessment-reports/round-before-symbols").then().statusCode(200)
                .body("documentSymbol", nullValue()).body("supplements.size()", equalTo(0)));
    }
}
