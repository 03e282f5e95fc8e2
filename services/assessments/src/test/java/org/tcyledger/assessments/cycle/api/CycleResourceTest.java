package org.tcyledger.assessments.cycle.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The real second round (mutual legal assistance) over REST with real PostgreSQL and Kafka. Membership's events and
 * the plenary's decisions reach assessments through the real topics, published as those services publish them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_assessments"))
class CycleResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final LocalDate OPENED = LocalDate.parse("2001-11-23");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static boolean published;

    /**
     * The register of the record, published once for every test of this class (they share the JVM's topics): Estonia,
     * Romania, Japan, Malta and Luxembourg ratified, Panama acceded, South Africa a signatory only.
     */
    private synchronized void membersOfTheRecord() {
        if (published) {
            return;
        }
        published = true;
        ratified("EE", "Estonia", "2003-05-12", "2004-07-01");
        ratified("RO", "Romania", "2004-05-12", "2004-09-01");
        ratified("JP", "Japan", "2012-07-03", "2012-11-01");
        ratified("MT", "Malta", "2012-04-12", "2012-08-01");
        ratified("LU", "Luxembourg", "2014-01-16", "2014-05-01");
        PublishedStream panama = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership", "PA");
        PublishedStream southAfrica = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership", "ZA");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                panama.next(new MemberRegistered("PA", "Panama", MemberKind.STATE, false)),
                panama.next(new InstrumentDeposited("PA", Treaty.ETS185, InstrumentKind.ACCESSION,
                        LocalDate.parse("2014-03-05"), List.of(), List.of(), LocalDate.parse("2014-07-01"))),
                southAfrica.next(new MemberRegistered("ZA", "South Africa", MemberKind.STATE, false)),
                southAfrica.next(new TreatySigned("ZA", Treaty.ETS185, OPENED)));
    }

    private void ratified(String id, String name, String depositedOn, String inForce) {
        PublishedStream stream = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership", id);
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                stream.next(new MemberRegistered(id, name, MemberKind.STATE, true)),
                stream.next(new TreatySigned(id, Treaty.ETS185, OPENED)),
                stream.next(new InstrumentDeposited(id, Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse(depositedOn), List.of(), List.of(), LocalDate.parse(inForce))));
    }

    /** A decision exactly as meetings publishes it, straight to tcy.meetings.v1. */
    private EventEnvelope decision(PublishedStream meeting, String decisionId, int version) {
        return meeting.next(new MeetingEvent.DecisionAdopted("T-CY-12", decisionId, "item-3",
                DecisionKind.ADOPT_ASSESSMENT_REPORT, "round-2-mla", version,
                "The T-CY adopted the assessment report on mutual legal assistance", MeetingEvent.Vote.consensus(),
                LocalDate.parse("2014-12-03"), 3, 3));
    }

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static ValidatableResponse cycle(String token, String query) {
        return given().auth().oauth2(token).get("/assessment-cycles/round-2-mla" + query).then();
    }

    @Test
    void roundTwoFromQuestionnaireToAdoptionAndFollowUp() throws Exception {
        membersOfTheRecord();

        post("/assessment-cycles", "{\"id\":\"round-2-mla\",\"title\":\"Assessment of the mutual legal assistance "
                + "provisions\",\"articles\":[\"31\"],\"launchedOn\":\"2013-04-01\",\"replyDeadline\":\"2013-09-30\"}")
                .statusCode(201).body("assessedParties", equalTo(List.of("EE", "JP", "MT", "RO")));
        post("/assessment-cycles/round-2-mla/questionnaire", "{\"documentSymbol\":\"T-CY(2013)04\",\"questions\":"
                + "[{\"id\":\"q1\",\"article\":\"31\",\"text\":\"How many requests for mutual assistance …\"}]}")
                .statusCode(201);
        post("/assessment-cycles/round-2-mla/replies", "{\"partyId\":\"EE\",\"receivedOn\":\"2013-09-30\","
                + "\"answers\":[{\"questionId\":\"q1\",\"text\":\"…\"}]}").statusCode(201).body("late", equalTo(false));
        String japan = post("/assessment-cycles/round-2-mla/replies", "{\"partyId\":\"JP\",\"receivedOn\":\"2013-10-14\","
                + "\"answers\":[{\"questionId\":\"q1\",\"text\":\"…\"}]}").statusCode(201).body("late", equalTo(true))
                .extract().path("eventId");
        // the reply was in fact received on time: a correction, with the late flag following the corrected date
        post("/assessment-cycles/round-2-mla/corrections", "{\"correctsEventId\":\"" + japan + "\",\"reason\":"
                + "\"received by email on the deadline\",\"receivedOn\":\"2013-09-30\"}").statusCode(201)
                .body("late", equalTo(false));
        post("/assessment-cycles/round-2-mla/corrections", "{\"correctsEventId\":\"nothing\",\"reason\":\"x\"}")
                .statusCode(409).body("rule", equalTo("correction-of-unknown-record"));
        cycle(AUDITOR, "?asOf=2013-09-29").statusCode(200).body("replies.size()", equalTo(0));
        post("/assessment-cycles/round-2-mla/replies", "{\"partyId\":\"PA\",\"receivedOn\":\"2013-10-14\","
                + "\"answers\":[{\"questionId\":\"q1\",\"text\":\"…\"}]}").statusCode(409).body("rule", equalTo("party-assessed"));
        post("/assessment-cycles/round-2-mla/parties", "{\"partyId\":\"PA\",\"reason\":\"Party since 2014-07-01\"}")
                .statusCode(201);
        post("/assessment-cycles/round-2-mla/draft-reports", "{\"findings\":[{\"partyId\":\"EE\",\"article\":\"31\","
                + "\"text\":\"…\"}],\"recommendations\":[{\"id\":\"r1\",\"addressee\":\"Parties\",\"text\":\"Allocate "
                + "more resources to MLA\",\"priority\":\"HIGH\"}]}").statusCode(201).body("version", equalTo(1));
        post("/assessment-cycles/round-2-mla/comments", "{\"partyId\":\"JP\",\"onVersion\":1,\"text\":\"…\"}")
                .statusCode(201);
        post("/assessment-cycles/round-2-mla/follow-ups", "{\"recommendationId\":\"r1\",\"partyId\":\"EE\","
                + "\"status\":\"PARTIALLY\",\"assessedOn\":\"2016-06-01\"}").statusCode(409)
                .body("rule", equalTo("follow-up-after-adoption"));
        Thread.sleep(5);
        Instant beforeAdoption = Instant.now();
        Thread.sleep(5);

        PublishedStream tcy12 = new PublishedStream(new EventCatalog(MeetingEvent.class), "/tcy/meetings", "T-CY-12");
        EventEnvelope slipped = decision(tcy12, "d-version-9", 9);   // meetings refuses this; it slipped through
        EventEnvelope adopted = decision(tcy12, "d-adopt", 1);
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, slipped, adopted, adopted);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cycle(SECRETARIAT, "").statusCode(200)
                .body("adoption.meetingId", equalTo("T-CY-12")).body("adoption.version", equalTo(1)));
        cycle(SECRETARIAT, "").body("refusals[0].reason", containsString("no draft version 9"))
                .body("refusals.size()", equalTo(1));
        cycle(AUDITOR, "?recordedAt=" + beforeAdoption).statusCode(200).body("adoption", nullValue())
                .body("drafts.size()", equalTo(1));
        cycle(AUDITOR, "?asOf=2014-12-02").statusCode(200).body("adoption", nullValue());
        cycle(AUDITOR, "?asOf=2014-12-03").statusCode(200).body("adoption.version", equalTo(1));
        cycle(AUDITOR, "?asOf=3 December").statusCode(400);
        List<String> types = given().auth().oauth2(AUDITOR).get("/assessment-cycles/round-2-mla/events").then()
                .statusCode(200).extract().jsonPath().getList("type");
        assertEquals(1, types.stream().filter(t -> t.equals("tcy.assessments.AssessmentReportAdopted.v1")).count(),
                "a replayed decision adopts once");

        post("/assessment-cycles/round-2-mla/follow-ups", "{\"recommendationId\":\"r1\",\"partyId\":\"EE\","
                + "\"status\":\"PARTIALLY\",\"assessedOn\":\"2016-06-01\"}").statusCode(201);
        cycle(OBSERVER, "").statusCode(403);
    }

    /**
     * A decision on a cycle assessments never recorded used to roll back its whole poll and stall the decision
     * consumer for good: it is recorded as refused, and the decisions after it are applied.
     */
    @Test
    void aDecisionOnAnUnknownCycleIsRefusedAndTheNextOneApplies() throws Exception {
        membersOfTheRecord();
        post("/assessment-cycles", "{\"id\":\"round-refusal\",\"title\":\"A round\",\"articles\":[\"29\"],"
                + "\"launchedOn\":\"2015-01-01\",\"replyDeadline\":\"2015-06-30\"}").statusCode(201);
        post("/assessment-cycles/round-refusal/draft-reports", "{\"findings\":[],\"recommendations\":[]}")
                .statusCode(201);
        PublishedStream tcy13 = new PublishedStream(new EventCatalog(MeetingEvent.class), "/tcy/meetings", "T-CY-13");
        EventEnvelope unknown = tcy13.next(new MeetingEvent.DecisionAdopted("T-CY-13", "d-unknown", "item-1",
                DecisionKind.ADOPT_ASSESSMENT_REPORT, "round-never-launched", 1, "…", MeetingEvent.Vote.consensus(),
                LocalDate.parse("2015-06-17"), 3, 3));
        EventEnvelope known = tcy13.next(new MeetingEvent.DecisionAdopted("T-CY-13", "d-known", "item-2",
                DecisionKind.ADOPT_ASSESSMENT_REPORT, "round-refusal", 1, "…", MeetingEvent.Vote.consensus(),
                LocalDate.parse("2015-06-17"), 3, 3));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, unknown, known);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(SECRETARIAT)
                .get("/assessment-cycles/round-refusal").then().statusCode(200).body("adoption.decisionId", equalTo("d-known")));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT reason FROM refused_decision WHERE decision_id = 'd-unknown'");
             ResultSet row = select.executeQuery()) {
            assertTrue(row.next(), "the refusal is recorded");
            assertTrue(row.getString(1).startsWith("unknown-subject"), row.getString(1));
        }
        given().auth().oauth2(AUDITOR).get("/audit/parked").then().statusCode(200).body("size()", equalTo(0));
    }

    private static final String ROUND_1 = "/assessment-cycles/round-1-preservation";

    /** A decision ADOPT_ASSESSMENT_REPORT exactly as meetings publishes it, on a cycle or a supplement of one. */
    private static EventEnvelope adoption(PublishedStream meeting, String meetingId, String decisionId, String subject,
                                          int version, String adoptedOn) {
        return meeting.next(new MeetingEvent.DecisionAdopted(meetingId, decisionId, "item-assessment",
                DecisionKind.ADOPT_ASSESSMENT_REPORT, subject, version, "The T-CY adopted the assessment report",
                MeetingEvent.Vote.consensus(), LocalDate.parse(adoptedOn), 3, 3));
    }

    /**
     * The preservation round: its report T-CY(2012)10 adopted at T-CY 8 on the Parties of January 2012; Malta and
     * Panama, Parties later, assessed in the supplementary report T-CY(2015)24, drafted and adopted after it (tabled
     * at T-CY 15; its adoption is not in our sources, T-CY 16 is assumed). The main report stays adopted.
     */
    @Test
    void thePreservationRoundsSupplementForMaltaAndPanamaIsAdoptedAfterTheReport() {
        membersOfTheRecord();
        post("/assessment-cycles", "{\"id\":\"round-1-preservation\",\"title\":\"Assessment of the provisions on "
                + "expedited preservation\",\"articles\":[\"16\",\"17\",\"29\",\"30\"],\"launchedOn\":\"2012-01-10\","
                + "\"replyDeadline\":\"2012-04-30\"}").statusCode(201).body("assessedParties", equalTo(List.of("EE", "RO")));
        post(ROUND_1 + "/draft-reports", "{\"findings\":[{\"partyId\":\"EE\",\"article\":\"16\",\"text\":\"…\"}],"
                + "\"recommendations\":[{\"id\":\"r1\",\"addressee\":\"Parties\",\"text\":\"Make full use of "
                + "Article 16\",\"priority\":\"HIGH\"}],\"documentSymbol\":\"T-CY(2012)10\"}").statusCode(201)
                .body("version", equalTo(1));
        String maltaAndPanama = "{\"id\":\"malta-panama\",\"partyIds\":[\"MT\",\"PA\"],\"reason\":\"Parties "
                + "since 2012-08-01 and 2014-07-01, after the launch\"}";
        post(ROUND_1 + "/supplements", maltaAndPanama).statusCode(409).body("rule", equalTo("supplement-after-adoption"));

        PublishedStream tcy8 = new PublishedStream(new EventCatalog(MeetingEvent.class), "/tcy/meetings", "T-CY-8");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                adoption(tcy8, "T-CY-8", "d-8-preservation", "round-1-preservation", 1, "2012-12-05"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(SECRETARIAT).get(ROUND_1)
                .then().statusCode(200).body("adoption.meetingId", equalTo("T-CY-8"))
                .body("adoption.documentSymbol", equalTo("T-CY(2012)10")));

        post(ROUND_1 + "/supplements", "{\"id\":\"estonia\",\"partyIds\":[\"EE\"],\"reason\":\"again\"}")
                .statusCode(409).body("rule", equalTo("supplement-for-parties-not-assessed"));
        post(ROUND_1 + "/supplements", "{\"id\":\"brazil\",\"partyIds\":[\"BR\"],\"reason\":\"not a Party\"}")
                .statusCode(409).body("rule", equalTo("supplementary-assessment-of-a-party"));
        post(ROUND_1 + "/supplements", maltaAndPanama).statusCode(201).body("supplementId", equalTo("malta-panama"));
        post(ROUND_1 + "/supplements", "{\"id\":\"malta-panama\",\"partyIds\":[\"JP\"],\"reason\":\"x\"}")
                .statusCode(409).body("rule", equalTo("supplement-id-unique"));
        post(ROUND_1 + "/supplements", "{\"id\":\"a b\",\"partyIds\":[]}").statusCode(400)
                .body("errors.field", hasItems("id", "partyIds", "reason"));

        String supplementDraft = "{\"findings\":[{\"partyId\":\"MT\",\"article\":\"16\",\"text\":\"…\"},"
                + "{\"partyId\":\"PA\",\"article\":\"16\",\"text\":\"…\"}],\"recommendations\":[{\"id\":\"r1\","
                + "\"addressee\":\"Panama\",\"text\":\"Adopt specific provisions\",\"priority\":\"MEDIUM\"}],"
                + "\"documentSymbol\":\"T-CY(2015)24\"}";
        post(ROUND_1 + "/supplements/malta-panama/draft-reports", supplementDraft).statusCode(201)
                .body("version", equalTo(1)).body("supplementId", equalTo("malta-panama"));
        post(ROUND_1 + "/supplements/norway/draft-reports", supplementDraft).statusCode(409)
                .body("rule", equalTo("unknown-supplement"));
        post(ROUND_1 + "/supplements/malta-panama/draft-reports", "{\"findings\":[{\"partyId\":\"EE\",\"article\":"
                + "\"16\",\"text\":\"…\"}],\"recommendations\":[]}").statusCode(409)
                .body("rule", equalTo("finding-on-assessed-party"));
        post(ROUND_1 + "/supplements/malta-panama/draft-reports", "{\"findings\":[]}").statusCode(400)
                .body("errors.field", hasItems("recommendations"));
        post(ROUND_1 + "/draft-reports", supplementDraft).statusCode(409).body("rule", equalTo("no-draft-after-adoption"));

        PublishedStream tcy16 = new PublishedStream(new EventCatalog(MeetingEvent.class), "/tcy/meetings", "T-CY-16");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                adoption(tcy16, "T-CY-16", "d-16-no-version", "round-1-preservation/malta-panama", 2, "2016-11-15"),
                adoption(tcy16, "T-CY-16", "d-16-supplement", "round-1-preservation/malta-panama", 1, "2016-11-15"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(SECRETARIAT).get(ROUND_1)
                .then().statusCode(200)
                .body("supplements.'malta-panama'.adoption.meetingId", equalTo("T-CY-16"))
                .body("supplements.'malta-panama'.adoption.version", equalTo(1))
                .body("supplements.'malta-panama'.adoption.documentSymbol", equalTo("T-CY(2015)24"))
                .body("supplements.'malta-panama'.refusals[0].reason", containsString("no draft version 2"))
                .body("adoption.meetingId", equalTo("T-CY-8")).body("adoption.version", equalTo(1))
                .body("assessedParties", equalTo(List.of("EE", "RO", "MT", "PA"))));
        given().auth().oauth2(AUDITOR).get(ROUND_1 + "?asOf=2016-11-14").then().statusCode(200)
                .body("supplements.'malta-panama'.adoption", nullValue()).body("adoption.meetingId", equalTo("T-CY-8"));
        post(ROUND_1 + "/supplements/malta-panama/draft-reports", supplementDraft).statusCode(409)
                .body("rule", equalTo("no-draft-after-adoption"));
    }

    /** The Article 13 round assessed the Parties and the observer States: the States with capacity OBSERVER then. */
    @Test
    void aCycleOfPartiesAndObserversAssessesTheObserverStates() {
        membersOfTheRecord();
        post("/assessment-cycles", "{\"id\":\"round-scope\",\"title\":\"Article 13\",\"articles\":[\"13\"],"
                + "\"launchedOn\":\"2012-01-10\",\"replyDeadline\":\"2012-06-30\",\"scope\":\"PARTIES_AND_OBSERVERS\"}")
                .statusCode(201).body("assessedParties", equalTo(List.of("EE", "JP", "LU", "MT", "RO", "ZA")));
        given().auth().oauth2(SECRETARIAT).get("/assessment-cycles/round-scope").then().statusCode(200)
                .body("launched.scope", equalTo("PARTIES_AND_OBSERVERS"));
        post("/assessment-cycles", "{\"id\":\"round-scope-2\",\"title\":\"Article 13\",\"articles\":[\"13\"],"
                + "\"launchedOn\":\"2012-01-10\",\"replyDeadline\":\"2012-06-30\",\"scope\":\"EVERYONE\"}")
                .statusCode(400);
    }

    @Test
    void badInputsChangeNothing() throws Exception {
        long before = storedEvents();
        post("/assessment-cycles", "{\"id\":\"round 9\",\"articles\":[]}").statusCode(400)
                .body("errors.field", hasItems("id", "title", "articles", "launchedOn", "replyDeadline"));
        post("/assessment-cycles/none/questionnaire", "{\"documentSymbol\":\"T-CY(2013)04\",\"questions\":"
                + "[{\"id\":\"q1\",\"article\":\"31\",\"text\":\"?\"}]}").statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/assessment-cycles").then().statusCode(401);
        given().auth().oauth2(OBSERVER).contentType(ContentType.JSON).body("{}").post("/assessment-cycles").then()
                .statusCode(403);
        assertEquals(before, storedEvents());
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
