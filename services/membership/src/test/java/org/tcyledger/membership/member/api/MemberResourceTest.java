package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.AuditedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** Every membership endpoint once through real PostgreSQL and Kafka, with its bad inputs. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class MemberResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String AUDITOR = Tokens.forTests().token("auditor");

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    private static void register(String id, String name) {
        post("/members", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .statusCode(201);
    }

    @Test
    void estoniaBecomesAPartyOnTheConventionsOwnDate() {
        post("/members", "{\"id\":\"EE\",\"name\":\"Estonia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .statusCode(201)
                .header("Location", containsString("/members/EE"))
                .body("id", equalTo("EE")).body("eventId", notNullValue()).body("sequence", equalTo(0));
        post("/members/EE/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}")
                .statusCode(201).body("sequence", equalTo(1));
        post("/members/EE/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2003-05-12\"}")
                .statusCode(201).body("sequence", equalTo(2)).body("entryIntoForceOn", equalTo("2004-07-01"));

        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2004-06-30").get("/members/EE").then()
                .statusCode(200).body("treaties[0].status", equalTo("RATIFIED")).body("capacity", equalTo("OBSERVER"));
        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2004-07-01").get("/members/EE").then()
                .statusCode(200).body("treaties[0].status", equalTo("PARTY"))
                .body("treaties[0].entryIntoForceOn", equalTo("2004-07-01")).body("capacity", equalTo("PARTY"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "2004-07-01").queryParam("atSequence", 1)
                .get("/members/EE").then().statusCode(200).body("treaties[0].status", equalTo("SIGNATORY"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "2004-07-01").queryParam("recordedAt", "2000-01-01T00:00:00Z")
                .get("/members/EE").then().statusCode(404);
    }

    /** A command's transaction and its wait for publication, and Kafka's acknowledgement, are in the metrics. */
    @Test
    void whereACommandsTimeGoesIsMeasured() {
        double transactions = metric("tcy_command_stage_seconds_count", "stage=\"transaction\"");
        double publications = metric("tcy_command_stage_seconds_count", "stage=\"publication\"");
        double acknowledgements = metric("tcy_publisher_acknowledgement_seconds_count", "");
        register("LV", "Latvia");
        assertEquals(transactions + 1, metric("tcy_command_stage_seconds_count", "stage=\"transaction\""));
        assertEquals(publications + 1, metric("tcy_command_stage_seconds_count", "stage=\"publication\""));
        assertTrue(metric("tcy_publisher_acknowledgement_seconds_count", "") > acknowledgements,
                "Kafka acknowledged the batch that carried the event");
        assertTrue(metric("tcy_command_stage_seconds_sum", "stage=\"transaction\"") > 0);
    }

    /** The value of a series in the metrics exposition (its name and a label it has), 0 while it does not exist. */
    private static double metric(String name, String label) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return exposition.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void theHashChainVerifiesAndATamperedPayloadIsFound() throws Exception {
        register("RO", "Romania");
        post("/members/RO/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}").statusCode(201);
        post("/members/RO/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2004-05-12\"}")
                .statusCode(201).body("entryIntoForceOn", equalTo("2004-09-01"));

        List<EventEnvelope> stream = auditedStream("RO");
        assertEquals(3, stream.size());
        assertTrue(ChainVerifier.firstBreak(stream).isEmpty(), "a healthy chain verifies");
        assertEquals("secretariat-user", stream.get(0).actor());

        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = 'RO' AND sequence_number = 2")) {
            update.setBytes(1, new String(stream.get(2).data(), StandardCharsets.UTF_8)
                    .replace("2004-05-12", "2004-04-12").getBytes(StandardCharsets.UTF_8));
            assertEquals(1, update.executeUpdate());
        }
        ChainVerifier.Break found = ChainVerifier.firstBreak(auditedStream("RO")).orElseThrow();
        assertEquals(2, found.sequence());
        assertTrue(found.reason().contains("hash"));
    }

    /** The stream as an auditor receives it over REST, turned back into envelopes with the contract's own types. */
    private static List<EventEnvelope> auditedStream(String id) {
        return AuditedStream.of("/tcy/membership", given().auth().oauth2(AUDITOR).get("/members/" + id + "/events")
                .then().statusCode(200).extract().jsonPath().getList("$"));
    }

    @Test
    void malformedInputIsRefusedFieldByFieldAndStoresNothing() throws Exception {
        long before = storedEvents();
        post("/members", "{\"id\":\"not a valid id!\",\"kind\":\"STATE\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "councilOfEuropeMember"));
        post("/members", "{\"id\":\"Ee\",\"name\":\"Estonia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("idFitForKind"));
        post("/members", "{\"id\":\"XX\",\"name\":\"X\",\"kind\":\"PLANET\",\"councilOfEuropeMember\":true}")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        post("/members", "{not json").statusCode(400).contentType("application/problem+json");
        register("HU", "Hungary");
        long afterRegistration = storedEvents();
        post("/members/HU/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"23/11/2001\"}")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("signedOn"));
        post("/members/HU/instruments", "{}")
                .statusCode(400).body("errors.field", hasItems("treaty", "kind", "depositedOn"));
        assertEquals(afterRegistration, storedEvents());
    }

    @Test
    void brokenRulesAreRefusedByNameAndStoreNothing() throws Exception {
        register("HR", "Croatia");
        long before = storedEvents();
        post("/members/HR/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2002-10-17\"}")
                .statusCode(409).contentType("application/problem+json").body("rule", equalTo("deposit-needs-signature"));
        post("/members", "{\"id\":\"HR\",\"name\":\"Croatia again\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .statusCode(409).body("rule", equalTo("id-unique"));
        post("/members/HR/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-22\"}")
                .statusCode(409).body("rule", equalTo("not-before-treaty-opened"));
        assertEquals(before, storedEvents());
    }

    @Test
    void identityIsCheckedAndUnknownIdsAreNotFound() throws Exception {
        long before = storedEvents();
        String body = "{\"id\":\"DE\",\"name\":\"Germany\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}";
        given().contentType(ContentType.JSON).body(body).post("/members").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(body).post("/members").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(OBSERVER).contentType(ContentType.JSON).body(body).post("/members").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OBSERVER).get("/members/DE/events").then().statusCode(403);
        post("/members/ZZ/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}")
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SECRETARIAT).get("/members/ZZ").then().statusCode(404);
        given().auth().oauth2(AUDITOR).get("/members/ZZ/events").then().statusCode(404);
        assertEquals(before, storedEvents());
    }

    @Test
    void anIdempotencyKeyStoresOnceAndAnswersTheSame() throws Exception {
        String body = "{\"id\":\"GB\",\"name\":\"United Kingdom\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}";
        long before = storedEvents();
        String first = given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "gb-1").contentType(ContentType.JSON)
                .body(body).post("/members").then().statusCode(201).extract().asString();
        String second = given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "gb-1").contentType(ContentType.JSON)
                .body(body).post("/members").then().statusCode(201).extract().asString();
        assertEquals(first, second);
        assertEquals(before + 1, storedEvents());
        given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "gb-1").contentType(ContentType.JSON)
                .body(body.replace("United Kingdom", "Britain")).post("/members").then()
                .statusCode(422).contentType("application/problem+json");
        assertEquals(before + 1, storedEvents());
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/members/{id}/instruments"));
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
