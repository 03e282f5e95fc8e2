package org.tcyledger.endtoend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.DatabaseText;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;

/**
 * The whole path, with membership and projection running as they do in production: a secretariat command through
 * membership's REST, its event in PostgreSQL, published to Kafka, consumed into the projection, read by an observer.
 */
class SecretariatToObserverTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String SECRETARIAT = TOKENS.token("secretariat");
    private static final String OBSERVER = TOKENS.token("observer");
    private static final String AUDITOR = TOKENS.token("auditor");

    private static Infrastructure infrastructure;
    private static ServiceProcess membership;
    private static ServiceProcess projection;
    private static ServiceProcess meetings;
    private static ServiceProcess assessments;
    private static ServiceProcess cloudEvidence;

    @BeforeAll
    static void startServices() {
        infrastructure = Infrastructure.forTests();
        // short producer timeouts so that a broker outage fails a publishing batch within seconds
        membership = ServiceProcess.start("membership", infrastructure, "tcy_membership", TOKENS,
                Map.of("tcy.kafka.max-block-ms", "2000", "tcy.kafka.delivery-timeout-ms", "4000"));
        projection = ServiceProcess.start("projection", infrastructure, "tcy_projection", TOKENS, Map.of(
                "tcy.keyholder.url", membership.url(), "tcy.keyholder.token", TOKENS.keyholder()));
        meetings = ServiceProcess.start("meetings", infrastructure, "tcy_meetings", TOKENS, Map.of());
        assessments = ServiceProcess.start("assessments", infrastructure, "tcy_assessments", TOKENS, Map.of());
        cloudEvidence = ServiceProcess.start("cloud-evidence", infrastructure, "tcy_cloud_evidence", TOKENS, Map.of());
    }

    @AfterAll
    static void stopServices() {
        if (cloudEvidence != null) {
            cloudEvidence.close();
        }
        if (assessments != null) {
            assessments.close();
        }
        if (meetings != null) {
            meetings.close();
        }
        if (projection != null) {
            projection.close();
        }
        if (membership != null) {
            membership.close();
        }
    }

    private static void command(String path, String body) {
        given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201);
    }

    private static void ratify(String id, String name, boolean councilOfEurope, String depositedOn) {
        command("/members", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":"
                            + councilOfEurope + "}");
        command("/members/" + id + "/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}");
        command("/members/" + id + "/instruments",
                "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"" + depositedOn + "\"}");
    }

    private static void awaitStatus(String id, String asOf, String status, String entryIntoForceOn, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(projection.url()).auth().oauth2(OBSERVER).queryParam("asOf", asOf)
                        .get("/members/" + id).then().statusCode(200)
                        .body("status", equalTo(status)).body("entryIntoForceOn", equalTo(entryIntoForceOn)));
    }

    @Test
    void estoniaRatifiesAndObserversSeeAPartyFromTheConventionsEntryIntoForce() {
        command("/members", "{\"id\":\"EE\",\"name\":\"Estonia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}");
        command("/members/EE/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}");
        String deposit = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2003-05-12\"}")
                .post("/members/EE/instruments").then().statusCode(201).extract().path("eventId");

        // read-your-writes: one GET that waits until the projection applied the deposit
        given().baseUri(projection.url()).auth().oauth2(OBSERVER).queryParam("asOf", "2004-07-01")
                .queryParam("after", deposit).get("/members/EE").then().statusCode(200)
                .body("status", equalTo("PARTY")).body("entryIntoForceOn", equalTo("2004-07-01"));
        given().baseUri(projection.url()).auth().oauth2(OBSERVER).queryParam("asOf", "2004-06-30").get("/members/EE")
                .then().statusCode(200).body("status", equalTo("RATIFIED")).body("entryIntoForceOn", equalTo("2004-07-01"));
    }

    @Test
    void thePublisherLosesNothingWhileKafkaIsAway() throws Exception {
        infrastructure.withKafkaDown(() -> {
            // the secretariat keeps working: commands are stored, nothing is written to Kafka on the request path
            ratify("FR", "France", true, "2006-01-10");
            ratify("US", "United States of America", false, "2006-09-29");
            sleep(Duration.ofSeconds(8)); // longer than the producer's delivery timeout: a batch must fail
        });

        awaitStatus("FR", "2006-05-01", "PARTY", "2006-05-01", Duration.ofSeconds(120));
        awaitStatus("US", "2007-01-01", "PARTY", "2007-01-01", Duration.ofSeconds(60));

        assertTrue(membership.logText().contains("the batch will be published again"),
                "the outage must have failed at least one publishing batch");
        for (String id : List.of("FR", "US")) {
            assertEquals(List.of(0L, 1L, 2L), sequencesInConsumptionOrder(id), id + " applied once each, in order");
            int stored = given().baseUri(membership.url()).auth().oauth2(AUDITOR).get("/members/" + id + "/events")
                    .then().statusCode(200).extract().jsonPath().getList("$").size();
            assertEquals(3, stored);
        }
        assertEquals(0, unhealedGaps());
    }

    @Test
    void observersReadTheSameRegisterAsTheSecretariatAndNothingOfAnErasedPerson() throws Exception {
        ratify("CA", "Canada", false, "2015-07-08");
        ratify("GB", "United Kingdom", true, "2011-05-25");
        command("/members", "{\"id\":\"UNODC\",\"name\":\"United Nations Office on Drugs and Crime\","
                            + "\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}");
        command("/members/UNODC/observer-status", "{\"grantedOn\":\"2013-06-04\"}");
        String phone = "+1 613 555 " + (1000 + (int) (Math.random() * 8999));
        String email = "cybercrime-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.ca";
        String personId = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"unit\":\"National 24/7 Network\",\"phone\":\"" + phone + "\",\"email\":\"" + email + "\"}")
                .put("/members/CA/contact-point").then().statusCode(200).extract().path("personId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(projection.url()).auth().oauth2(OBSERVER).queryParam("asOf", "2015-11-01")
                        .get("/members/CA").then().statusCode(200).body("contactPoint.phone", equalTo(phone)));
        for (String asOf : List.of("2001-11-22", "2011-09-01", "2013-06-04", "2015-10-31", "2015-11-01")) {
            List<Map<String, Object>> secretariat = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT)
                    .queryParam("asOf", asOf).get("/members").then().statusCode(200).extract().jsonPath().getList("$");
            List<Map<String, Object>> observers = given().baseUri(projection.url()).auth().oauth2(OBSERVER)
                    .queryParam("asOf", asOf).get("/members").then().statusCode(200).extract().jsonPath().getList("$");
            for (String id : List.of("CA", "GB", "UNODC")) {
                assertEquals(entryOf(secretariat, id), entryOf(observers, id), id + " on " + asOf);
            }
        }

        given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"requestedBy\":\"MEMBER_DELEGATION\",\"reason\":\"ROLE_ENDED\"}")
                .post("/people/" + personId + "/erasure").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(projection.url()).auth().oauth2(OBSERVER).get("/members/CA").then().statusCode(200)
                        .body("contactPoint.phone", equalTo("[erased]")).body("contactPoint.email", equalTo("[erased]")));
        String everything = DatabaseText.of(infrastructure, "tcy_projection");
        assertTrue(!everything.contains(phone) && !everything.contains(email), "the projection still holds the erased data");
    }

    /** No sleep: meetings' replica catches up with tcy.membership.v1 before it answers. */
    @Test
    void aPartyRegisteredThroughMembershipAttendsAtOnceAsAParty() {
        command("/members", "{\"id\":\"LK\",\"name\":\"Sri Lanka\",\"kind\":\"STATE\",\"councilOfEuropeMember\":false}");
        command("/members/LK/invitations", "{\"invitedOn\":\"2013-06-05\",\"reference\":\"invented for the test\"}");
        command("/members/LK/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCESSION\",\"depositedOn\":\"2015-05-29\"}");
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"T-CY-14\",\"kind\":\"PLENARY\",\"title\":\"14th Plenary\",\"venue\":\"Strasbourg\","
                      + "\"startsOn\":\"2015-12-01\",\"endsOn\":\"2015-12-02\"}")
                .post("/meetings").then().statusCode(201);
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"memberId\":\"LK\"}").post("/meetings/T-CY-14/attendance").then()
                .statusCode(201).body("capacity", equalTo("PARTY"));
    }

    /** The first round's report, adopted by the plenary in meetings, becomes adopted in assessments. */
    @Test
    void aPlenaryDecisionInMeetingsAdoptsTheReportInAssessments() {
        ratify("AL", "Albania", true, "2002-06-20");
        ratify("HR", "Croatia", true, "2002-10-17");
        given().baseUri(assessments.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"round-1-preservation\",\"title\":\"Assessment of the provisions on expedited "
                      + "preservation\",\"articles\":[\"16\",\"17\",\"29\",\"30\"],\"launchedOn\":\"2012-01-10\","
                      + "\"replyDeadline\":\"2012-04-30\"}")
                .post("/assessment-cycles").then().statusCode(201);
        given().baseUri(assessments.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"findings\":[],\"recommendations\":[{\"id\":\"r1\",\"addressee\":\"Parties\","
                      + "\"text\":\"Adopt specific provisions\",\"priority\":\"MEDIUM\"}]}")
                .post("/assessment-cycles/round-1-preservation/draft-reports").then().statusCode(201);

        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"T-CY-8\",\"kind\":\"PLENARY\",\"title\":\"8th Plenary\",\"venue\":\"Strasbourg\","
                      + "\"startsOn\":\"2012-12-05\",\"endsOn\":\"2012-12-06\"}")
                .post("/meetings").then().statusCode(201);
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"symbol\":\"T-CY(2012)10\",\"title\":\"Assessment report on preservation\","
                      + "\"kind\":\"ASSESSMENT_REPORT\",\"datedOn\":\"2012-11-20\",\"languages\":[\"en\"],"
                      + "\"access\":\"RESTRICTED\"}")
                .post("/documents").then().statusCode(201);
        String item = given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"title\":\"Assessment report on preservation\",\"documentSymbols\":[\"T-CY(2012)10\"]}")
                .post("/meetings/T-CY-8/agenda-items").then().statusCode(201).extract().path("itemId");
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).post("/meetings/T-CY-8/open").then().statusCode(200);
        // every Party of that day attends, whatever other stories registered
        List<String> parties = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT)
                .queryParam("asOf", "2012-12-05").queryParam("status", "PARTY").get("/members").then().statusCode(200)
                .extract().jsonPath().getList("id");
        for (String party : parties) {
            given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                    .body("{\"memberId\":\"" + party + "\"}").post("/meetings/T-CY-8/attendance").then()
                    .statusCode(201).body("capacity", equalTo("PARTY"));
        }
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"agendaItemId\":\"" + item + "\",\"kind\":\"ADOPT_ASSESSMENT_REPORT\",\"subject\":"
                      + "\"round-1-preservation\",\"version\":2,\"text\":\"x\",\"vote\":{\"mode\":\"CONSENSUS\"},"
                      + "\"adoptedOn\":\"2012-12-05\"}")
                .post("/meetings/T-CY-8/decisions").then().statusCode(409).body("rule", equalTo("unknown-subject"));
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"agendaItemId\":\"" + item + "\",\"kind\":\"ADOPT_ASSESSMENT_REPORT\",\"subject\":"
                      + "\"round-1-preservation\",\"version\":1,\"text\":\"The T-CY adopted the assessment report "
                      + "on preservation T-CY(2012)10\",\"vote\":{\"mode\":\"CONSENSUS\"},\"adoptedOn\":\"2012-12-05\"}")
                .post("/meetings/T-CY-8/decisions").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(assessments.url()).auth().oauth2(AUDITOR).get("/assessment-cycles/round-1-preservation")
                        .then().statusCode(200).body("adoption.meetingId", equalTo("T-CY-8"))
                        .body("adoption.adoptedOn", equalTo("2012-12-05")));
    }

    /** The Cloud Evidence Group's recommendations, endorsed by a plenary decision made in meetings. */
    @Test
    void aPlenaryDecisionInMeetingsEndorsesTheCloudEvidenceRecommendations() {
        String base = cloudEvidence.url();
        given().baseUri(base).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"ceg-2015-hearing\",\"title\":\"Criminal justice access to evidence in the cloud\","
                      + "\"question\":\"Which solutions?\",\"options\":[{\"id\":\"1\",\"text\":\"Article 18.1.b\"},"
                      + "{\"id\":\"2\",\"text\":\"Guidelines\"}],\"opensOn\":\"2015-05-26\",\"closesOn\":\"2015-11-30\","
                      + "\"chathamHouse\":true}")
                .post("/consultations").then().statusCode(201);
        given().baseUri(base).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body("{\"closedOn\":\"2015-12-01\"}")
                .post("/consultations/ceg-2015-hearing/close").then().statusCode(200);

        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"T-CY-16\",\"kind\":\"PLENARY\",\"title\":\"16th Plenary\",\"venue\":\"Strasbourg\","
                      + "\"startsOn\":\"2016-11-14\",\"endsOn\":\"2016-11-15\"}")
                .post("/meetings").then().statusCode(201);
        String item = given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"title\":\"Cloud Evidence Group\"}").post("/meetings/T-CY-16/agenda-items").then()
                .statusCode(201).extract().path("itemId");
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).post("/meetings/T-CY-16/open").then().statusCode(200);
        List<String> parties = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT)
                .queryParam("asOf", "2016-11-14").queryParam("status", "PARTY").get("/members").then().statusCode(200)
                .extract().jsonPath().getList("id");
        for (String party : parties) {
            given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                    .body("{\"memberId\":\"" + party + "\"}").post("/meetings/T-CY-16/attendance").then().statusCode(201);
        }
        String endorse = "{\"agendaItemId\":\"" + item + "\",\"kind\":\"ENDORSE_CEG_RECOMMENDATIONS\",\"subject\":"
                         + "\"ceg-2015-hearing\",\"text\":\"The T-CY endorsed the recommendations\","
                         + "\"vote\":{\"mode\":\"CONSENSUS\"},\"adoptedOn\":\"2016-11-14\"}";
        // no recommendations issued yet: meetings refuses
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(endorse)
                .post("/meetings/T-CY-16/decisions").then().statusCode(409).body("rule", equalTo("unknown-subject"));
        given().baseUri(base).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"recommendedOptions\":[\"1\",\"2\"],\"text\":\"Practical measures and guidelines\"}")
                .post("/consultations/ceg-2015-hearing/recommendations").then().statusCode(201);
        given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(endorse)
                .post("/meetings/T-CY-16/decisions").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(base).auth().oauth2(SECRETARIAT).get("/consultations/ceg-2015-hearing").then()
                        .statusCode(200).body("consultation.endorsements[0].meetingId", equalTo("T-CY-16")));
    }

    private static Map<String, Object> entryOf(List<Map<String, Object>> register, String id) {
        return register.stream().filter(entry -> id.equals(entry.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is missing from the register"));
    }

    private static List<Long> sequencesInConsumptionOrder(String subject) throws Exception {
        List<Long> sequences = new ArrayList<>();
        try (Connection connection = projectionDatabase();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sequence FROM consumed_event WHERE subject = ? AND consumer_group = 'projection-register' "
                     + "ORDER BY kafka_partition, kafka_offset")) {
            select.setString(1, subject);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
        }
        return sequences;
    }

    private static long unhealedGaps() throws Exception {
        try (Connection connection = projectionDatabase();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM consumed_gap WHERE healed_at IS NULL");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection projectionDatabase() throws Exception {
        return DriverManager.getConnection(infrastructure.jdbcUrl("tcy_projection"), infrastructure.user(),
                infrastructure.password());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
