package org.tcyledger.meetings.document.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The document register over REST with real PostgreSQL and Kafka. Symbols hold parentheses and spaces: in paths they
 * travel percent-encoded, as a client sends them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class DocumentResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    /** {@code T-CY(2013)7 E rev} as it travels in a path. */
    private static final String REV_IN_PATH = "/documents/T-CY%282013%297%20E%20rev";

    private static ValidatableResponse post(String path, String body) {
        return given().urlEncodingEnabled(false).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    private static String document(String symbol, String kind, String datedOn, String access, String supersedes) {
        return "{\"symbol\":\"" + symbol + "\",\"title\":\"Guidance Note on spam\",\"kind\":\"" + kind
               + "\",\"datedOn\":\"" + datedOn + "\",\"languages\":[\"en\",\"fr\"],\"access\":\"" + access + "\""
               + (supersedes == null ? "" : ",\"supersedes\":\"" + supersedes + "\"") + "}";
    }

    @Test
    void aRevisionIsRegisteredPublishedOnceAndCorrected() {
        post("/documents", document("T-CY(2013)7 E", "GUIDANCE_NOTE", "2013-06-05", "RESTRICTED", null))
                .statusCode(201);
        String registration = post("/documents", document(" T-CY(2013)7 E rev ", "GUIDANCE_NOTE", "2013-12-05",
                        "RESTRICTED", "T-CY(2013)7 E"))
                .statusCode(201).body("id", equalTo("T-CY(2013)7 E rev"))
                .header("Location", endsWith("/documents/T-CY(2013)7%20E%20rev")).extract().path("eventId");
        post("/documents", document("T-CY(2013)7 E rev", "OTHER", "2013-12-05", "PUBLIC", null))
                .statusCode(409).body("rule", equalTo("id-unique"));

        post(REV_IN_PATH + "/publication", "{\"publishedOn\":\"2013-12-04\"}")
                .statusCode(409).body("rule", equalTo("published-before-dated"));
        post(REV_IN_PATH + "/publication", "{\"publishedOn\":\"2013-12-05\"}").statusCode(201);
        post(REV_IN_PATH + "/publication", "{\"publishedOn\":\"2014-01-10\"}")
                .statusCode(409).body("rule", equalTo("already-public"));

        post(REV_IN_PATH + "/corrections", "{\"correctsEventId\":\"" + registration + "\",\"reason\":\"the title\","
                + "\"title\":\"T-CY Guidance Note #8: Spam\"}").statusCode(201);
        given().urlEncodingEnabled(false).auth().oauth2(SECRETARIAT).get(REV_IN_PATH).then().statusCode(200)
                .body("symbol", equalTo("T-CY(2013)7 E rev")).body("access", equalTo("PUBLIC"))
                .body("publishedOn", equalTo("2013-12-05")).body("supersedes", equalTo("T-CY(2013)7 E"))
                .body("title", equalTo("T-CY Guidance Note #8: Spam"));
        given().urlEncodingEnabled(false).auth().oauth2(AUDITOR).get(REV_IN_PATH + "/events").then().statusCode(200)
                .body("type", hasItem("tcy.meetings.DocumentCorrected.v1"));
        given().urlEncodingEnabled(false).auth().oauth2(OBSERVER).get(REV_IN_PATH).then().statusCode(403);
        given().urlEncodingEnabled(false).auth().oauth2(SECRETARIAT).get("/documents/T-CY%282099%291").then()
                .statusCode(404);
        post("/documents/T-CY%282099%291/publication", "{\"publishedOn\":\"2099-01-10\"}").statusCode(404);
    }

    @Test
    void aSymbolHasTheCommitteesFormOrIsExternalAndARevisionSupersedesARegisteredOne() {
        post("/documents", document("T-CY 2013 8", "OTHER", "2013-06-05", "PUBLIC", null))
                .statusCode(400).body(containsString("symbol"));
        post("/documents", document("CM(2021)57", "OPINION", "2021-04-14", "PUBLIC", null))
                .statusCode(400).body(containsString("EXTERNAL"));
        post("/documents", document("CM(2021)57", "EXTERNAL", "2021-04-14", "PUBLIC", null)).statusCode(201);
        post("/documents", document("T-CY(2014)9 rev", "OTHER", "2014-06-05", "PUBLIC", "T-CY(2014)9"))
                .statusCode(409).body("rule", equalTo("unknown-document"));
        post("/documents", "{\"symbol\":\"T-CY(2014)10\",\"title\":\"x\",\"kind\":\"OTHER\",\"datedOn\":\"2014-06-05\","
                + "\"languages\":[\"English\"],\"access\":\"PUBLIC\"}").statusCode(400);
    }

    @Test
    void whatAMeetingOrANoteNamesIsInTheRegister() {
        post("/meetings", "{\"id\":\"T-CY-DOCS\",\"kind\":\"PLENARY\",\"title\":\"A plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2014-12-02\",\"endsOn\":\"2014-12-03\"}").statusCode(201);
        post("/meetings/T-CY-DOCS/agenda-items", "{\"title\":\"Work plan\",\"documentSymbols\":[\"T-CY(2014)15\"]}")
                .statusCode(409).body("rule", equalTo("unknown-document"))
                .body("detail", containsString("T-CY(2014)15"));
        post("/documents", document("T-CY(2014)15", "WORK_PLAN", "2014-11-20", "RESTRICTED", null)).statusCode(201);
        post("/meetings/T-CY-DOCS/agenda-items", "{\"title\":\"Work plan\",\"documentSymbols\":[\"T-CY(2014)15\"]}")
                .statusCode(201);
        post("/guidance-notes", "{\"id\":\"gn-docs\",\"title\":\"A note\",\"articles\":[\"2\"],"
                + "\"text\":{\"en\":\"…\"},\"symbol\":\"T-CY(2014)16\"}")
                .statusCode(409).body("rule", equalTo("unknown-document"));
    }
}
