package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.CheckpointKeyFiles;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.SignedRecord;
import org.tcyledger.testing.Tokens;

/**
 * The auditor's pages through HTTP, over the real topics: the log verified with its result by source, an assessment
 * cycle's history with its hashes and its state replayed up to a sequence and to a legal date, both languages, and
 * nobody but the auditors reading them (the secretariat, as in the API, reads only the parked records).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class AuditPagesTest {

    private static final Pattern EVENT_ROW = Pattern.compile("data-test=\"history-event\"");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String signIn(String username, String password) {
        return PortalSession.signIn(username, password, "/en/");
    }

    /** An assessment cycle launched, drafted and adopted on 6 June 2012, signed by a checkpoint of its source. */
    private String anAdoptedCycle() {
        String cycle = "round-audit-" + Long.toHexString(System.nanoTime());
        SignedRecord assessments = new SignedRecord("assessments", new EventCatalog(AssessmentEvent.class),
                CheckpointKeyFiles.forTests().signer("assessments"));
        assessments.append(cycle, new AssessmentEvent.AssessmentCycleLaunched(cycle, "An audited round", List.of("16"),
                LocalDate.parse("2011-06-01"), LocalDate.parse("2011-09-01"), List.of("RO")));
        assessments.append(cycle, new AssessmentEvent.DraftReportSubmitted(cycle, 1, List.of(), List.of()));
        assessments.append(cycle, new AssessmentEvent.AssessmentReportAdopted(cycle, 1, "T-CY-8", "d-8-audit",
                LocalDate.parse("2012-06-06")));
        assessments.checkpoint();
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS, assessments.events().toArray(EventEnvelope[]::new));
        return cycle;
    }

    private static int rows(String page) {
        Matcher rows = EVENT_ROW.matcher(page);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        return count;
    }

    @Test
    void bothLanguagesAnswerWithTheirSwitch() {
        String auditor = signIn("portal-auditor", "test-auditor-password");
        for (String path : List.of("/audit/verify", "/audit/history")) {
            for (String lang : List.of("en", "fr")) {
                String other = lang.equals("en") ? "fr" : "en";
                String page = given().cookie("tcy-session", auditor).get("/" + lang + path).then().statusCode(200)
                        .contentType(containsString("text/html")).header("Content-Language", lang).extract().asString();
                assertTrue(page.contains("<html lang=\"" + lang + "\">"), lang + path + " has its lang");
                assertTrue(page.contains("href=\"/" + other + path + "\""), lang + path + " links its " + other);
                assertTrue(page.contains("data-test=\"nav-audit\""), "the auditor's navigation links the audit");
            }
        }
        given().cookie("tcy-session", auditor).get("/en/audit/verify").then()
                .body(containsString("data-test=\"verify-run\""), containsString("Run the verification"),
                        not(containsString("data-test=\"verify-result\"")));
        given().cookie("tcy-session", auditor).get("/fr/audit/verify").then()
                .body(containsString("Lancer la vérification"));
        given().cookie("tcy-session", auditor).get("/fr/audit/history").then()
                .body(containsString("data-test=\"history-form\""), containsString("Date juridique"));
    }

    @Test
    void anAuditorSeesWhatTheVerificationFindsAndNoBreakInACleanCycle() {
        String cycle = anAdoptedCycle();
        String auditor = signIn("portal-auditor", "test-auditor-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().cookie("tcy-session", auditor)
                .get("/en/audit/history?aggregate=" + cycle).then().statusCode(200)
                .body(containsString("data-test=\"history-event\"")));
        // the page shows what /audit/verify finds; other tests of this module leave deliberate breaks in the shared
        // log, so a clean log is the auditor's journey's (the real record); here the page must agree with the API
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Object> breaks = given().auth().oauth2(Tokens.forTests().token("auditor")).get("/audit/verify")
                    .then().statusCode(200).extract().jsonPath().getList("breaks");
            String page = given().cookie("tcy-session", auditor).get("/en/audit/verify?run=1").then().statusCode(200)
                    .body(containsString("data-test=\"verify-result\""),
                            containsString("data-source=\"/tcy/assessments\""))
                    .extract().asString();
            assertEquals(breaks.size(), page.split("data-test=\"verify-break\"", -1).length - 1);
            assertEquals(breaks.isEmpty(), page.contains("data-test=\"verify-ok\"") && page.contains("No break"));
            assertTrue(!page.contains("data-aggregate=\"" + cycle + "\""), "the clean cycle has no break");
        });
        given().cookie("tcy-session", auditor).get("/fr/audit/verify?run=1").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"), containsString("data-test=\"verify-result\""));
        // the secretariat does not verify, here as in the API; its audit link leads to the parked records
        String secretariat = signIn("portal-secretariat", "test-secretariat-password");
        given().cookie("tcy-session", secretariat).get("/en/audit/verify?run=1").then().statusCode(403)
                .body(not(containsString("data-test=\"verify-result\"")), containsString("data-test=\"role-cannot-audit\""));
        given().cookie("tcy-session", secretariat).get("/en/").then()
                .body(containsString("href=\"/en/audit/parked\" data-test=\"nav-audit\""));
        given().cookie("tcy-session", secretariat).get("/en/audit/history?aggregate=" + cycle).then().statusCode(403);
        given().auth().oauth2(org.tcyledger.testing.Tokens.forTests().token("secretariat")).get("/audit/verify").then()
                .statusCode(403);
    }

    @Test
    void theHistoryListsTheEventsAndReplaysTheStateAtASequenceOrADate() {
        String cycle = anAdoptedCycle();
        String auditor = signIn("portal-auditor", "test-auditor-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(3, rows(given()
                .cookie("tcy-session", auditor).get("/en/audit/history?aggregate=" + cycle).then().statusCode(200)
                .extract().asString())));
        String all = given().cookie("tcy-session", auditor).get("/en/audit/history?aggregate=" + cycle).then()
                .statusCode(200).body(containsString("data-type=\"tcy.assessments.AssessmentCycleLaunched.v1\""),
                        containsString("data-type=\"tcy.assessments.AssessmentReportAdopted.v1\""),
                        containsString("data-test=\"history-state\""), containsString("The report is adopted."),
                        containsString("2012-06-06"))
                .extract().asString();
        assertTrue(all.indexOf("data-sequence=\"0\"") < all.indexOf("data-sequence=\"1\"")
                && all.indexOf("data-sequence=\"1\"") < all.indexOf("data-sequence=\"2\""), "the events in order");
        // at sequence 1: launched and drafted, not adopted
        given().cookie("tcy-session", auditor).get("/en/audit/history?aggregate=" + cycle + "&atSequence=1").then()
                .statusCode(200).body(containsString("data-applied=\"2\""), containsString("data-adopted=\"false\""),
                        containsString("The report is not adopted."));
        // the day before the adoption: not adopted yet, in French too
        given().cookie("tcy-session", auditor).get("/fr/audit/history?aggregate=" + cycle + "&asOf=2012-06-05")
                .then().statusCode(200).body(containsString("data-adopted=\"false\""),
                        containsString("Le rapport n&#39;est pas adopté."));
        given().cookie("tcy-session", auditor).get("/en/audit/history?aggregate=" + cycle + "&asOf=2012-06-06")
                .then().statusCode(200).body(containsString("data-adopted=\"true\""));
        // what is not a sequence or a date: a message on the page; an aggregate not in the log: 404
        given().cookie("tcy-session", auditor).get("/en/audit/history?aggregate=" + cycle + "&atSequence=two")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("data-test=\"problems\""), containsString("two"));
        given().cookie("tcy-session", auditor).get("/en/audit/history?aggregate=no-such-aggregate").then()
                .statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void anObserverIsRefusedAndAnyoneAskedToSignIn() {
        String observer = signIn("portal-observer", "test-observer-password");
        for (String path : List.of("/en/audit/verify?run=1", "/fr/audit/history?aggregate=round-1-preservation")) {
            given().cookie("tcy-session", observer).get(path).then().statusCode(403)
                    .contentType(containsString("text/html")).body(containsString("data-test=\"role-cannot-audit\""),
                            not(containsString("data-test=\"verify-result\"")),
                            not(containsString("data-test=\"history-form\"")));
            given().redirects().follow(false).get(path).then().statusCode(401).contentType(containsString("text/html"))
                    .body(containsString("data-test=\"sign-in-required\""), containsString("/sign-in?next="));
        }
        given().cookie("tcy-session", observer).get("/en/").then().statusCode(200)
                .body(not(containsString("data-test=\"nav-audit\"")));
    }
}
