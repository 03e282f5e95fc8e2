package org.tcyledger.cloudevidence.consultation.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** The 30 November 2015 hearing of the Cloud Evidence Group over REST, with real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_cloud_evidence"))
class ConsultationResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final String OBSERVER = Tokens.forTests().token("observer");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static String stakeholder(String name, String kind) {
        return post("/consultations/ceg-2015-hearing/stakeholders", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}")
                .statusCode(201).extract().path("stakeholderId");
    }

    @Test
    void theHearingOfNovember2015UnderTheChathamHouseRule() throws Exception {
        post("/consultations", "{\"id\":\"ceg-2015-hearing\",\"title\":\"Criminal justice access to evidence in the cloud\","
                + "\"question\":\"Which solutions should the T-CY pursue?\",\"options\":["
                + "{\"id\":\"1\",\"text\":\"Exploiting existing provisions of the Budapest Convention (e.g. Article 18.1.b)\"},"
                + "{\"id\":\"2\",\"text\":\"Guidelines on cooperation with providers\"},"
                + "{\"id\":\"3\",\"text\":\"Additional Protocol to the Budapest Convention\"},"
                + "{\"id\":\"4\",\"text\":\"More effective use of MLA procedures\"}],"
                + "\"opensOn\":\"2015-05-26\",\"closesOn\":\"2015-11-30\",\"chathamHouse\":true}").statusCode(201);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String providerName = "Provider-" + marker + " (invented for the tests)";
        String provider = stakeholder(providerName, "SERVICE_PROVIDER");
        String ngo = stakeholder("Civil society group-" + marker + " (invented)", "CIVIL_SOCIETY");
        post("/consultations/ceg-2015-hearing/hearings", "{\"heldOn\":\"2015-11-30\",\"venue\":\"Strasbourg\","
                + "\"participants\":[\"" + provider + "\",\"" + ngo + "\"]}").statusCode(201);
        post("/consultations/ceg-2015-hearing/submissions", "{\"stakeholderId\":\"" + provider + "\",\"receivedOn\":"
                + "\"2015-11-10\",\"positions\":[{\"optionId\":\"2\",\"stance\":\"SUPPORT\"},{\"optionId\":\"3\","
                + "\"stance\":\"OPPOSE\"}],\"text\":\"Written comments\"}").statusCode(201);
        post("/consultations/ceg-2015-hearing/submissions", "{\"stakeholderId\":\"" + ngo + "\",\"receivedOn\":"
                + "\"2015-11-30\",\"positions\":[{\"optionId\":\"4\",\"stance\":\"SUPPORT\"}],\"text\":\"At the hearing\"}")
                .statusCode(201);
        post("/consultations/ceg-2015-hearing/submissions", "{\"stakeholderId\":\"" + ngo + "\",\"receivedOn\":"
                + "\"2015-12-01\",\"positions\":[{\"optionId\":\"4\",\"stance\":\"SUPPORT\"}],\"text\":\"late\"}")
                .statusCode(409).body("rule", equalTo("submission-while-open"));
        post("/consultations/ceg-2015-hearing/submissions", "{\"stakeholderId\":\"" + ngo + "\",\"receivedOn\":"
                + "\"2015-11-30\",\"positions\":[{\"optionId\":\"5\",\"stance\":\"SUPPORT\"}],\"text\":\"?\"}")
                .statusCode(409).body("rule", equalTo("stance-on-known-option"));
        post("/consultations/ceg-2015-hearing/recommendations", "{\"recommendedOptions\":[\"2\",\"3\"],\"text\":\"x\"}")
                .statusCode(409).body("rule", equalTo("recommendations-after-close"));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body("{\"closedOn\":\"2015-12-01\"}")
                .post("/consultations/ceg-2015-hearing/close").then().statusCode(200);
        post("/consultations/ceg-2015-hearing/recommendations", "{\"recommendedOptions\":[\"1\",\"2\",\"3\",\"4\"],"
                + "\"text\":\"Pursue all four: practical measures, guidelines and an additional Protocol\"}").statusCode(201);

        // the secretariat reads who said what; observers read nothing here
        given().auth().oauth2(SECRETARIAT).get("/consultations/ceg-2015-hearing").then().statusCode(200)
                .body("attributed.stakeholderId", hasItems(provider, ngo));
        given().auth().oauth2(OBSERVER).get("/consultations/ceg-2015-hearing").then().statusCode(403);

        // the topic: stances and kinds in clear, no stakeholder linked to a submission
        List<ConsumerRecord<String, byte[]>> submissions = submissionRecords(2);
        for (ConsumerRecord<String, byte[]> record : submissions) {
            String raw = raw(record);
            assertTrue(raw.contains("SUPPORT"), "the stance travels in clear");
            assertFalse(raw.contains(provider) || raw.contains(ngo), "a submission names its stakeholder's id");
            assertFalse(raw.contains(marker), "a submission names its stakeholder");
        }

        // the plenary endorses (T-CY 16), as meetings publishes it; a replay endorses once
        PublishedStream tcy16 = new PublishedStream(new EventCatalog(MeetingEvent.class), "/tcy/meetings", "T-CY-16");
        EventEnvelope decision = tcy16.next(new MeetingEvent.DecisionAdopted("T-CY-16", "d-ceg", "item-5",
                DecisionKind.ENDORSE_CEG_RECOMMENDATIONS, "ceg-2015-hearing", null, "The T-CY endorsed the "
                + "recommendations T-CY(2016)5", MeetingEvent.Vote.consensus(), LocalDate.parse("2016-11-14"), 3, 3));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, decision, decision);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(SECRETARIAT).get("/consultations/ceg-2015-hearing").then()
                        .body("consultation.endorsements.size()", equalTo(1))
                        .body("consultation.endorsements[0].meetingId", equalTo("T-CY-16")));
        List<String> types = given().auth().oauth2(AUDITOR).get("/consultations/ceg-2015-hearing/events").then()
                .statusCode(200).extract().jsonPath().getList("type");
        assertEquals(1, types.stream().filter(t -> t.endsWith("RecommendationsEndorsed.v1")).count());
    }

    /** A stakeholder may be a named person (an academic, say): the name is sealed with the stakeholder's own key. */
    @Test
    void aStakeholdersNameIsStoredAndPublishedOnlySealed() throws Exception {
        openConsultation("ceg-names");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Dr Ana Petrova " + marker;
        String stakeholderId = post("/consultations/ceg-names/stakeholders", "{\"name\":\"" + name
                + "\",\"kind\":\"ACADEMIA\"}").statusCode(201).extract().path("stakeholderId");

        assertFalse(storedPayloads("ceg-names").contains(marker), "the event store holds the name in clear");
        assertFalse(raw(recordOfType("tcy.cloud-evidence.StakeholderRegistered.v1", marker, stakeholderId)).contains(marker),
                "the topic carries the name in clear");
        assertFalse(given().auth().oauth2(AUDITOR).get("/consultations/ceg-names/events").then().statusCode(200)
                .extract().asString().contains(marker), "auditors read the name");
        // the secretariat reads it, opened with the stakeholder's key
        given().auth().oauth2(SECRETARIAT).get("/consultations/ceg-names").then().statusCode(200)
                .body("stakeholders.find { it.stakeholderId == '" + stakeholderId + "' }.name", equalTo(name))
                .body("stakeholders.find { it.stakeholderId == '" + stakeholderId + "' }.kind", equalTo("ACADEMIA"));
    }

    /** The request a key answers is remembered as an HMAC with the service's secret, not a hash anyone can recompute. */
    @Test
    void theIdempotencyRecordKeepsAKeyedHashOfTheRequest() throws Exception {
        openConsultation("ceg-keyed");
        String key = "stakeholder-" + UUID.randomUUID();
        String name = "Prof. Jan Novak " + key.substring(12, 20);
        String body = "{\"name\":\"" + name + "\",\"kind\":\"ACADEMIA\"}";
        String first = given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/consultations/ceg-keyed/stakeholders").then().statusCode(201)
                .extract().path("stakeholderId");

        String stored = requestHashOf(key);
        byte[] request = json.writeValueAsBytes(new ConsultationResource.RegisterStakeholder(name,
                org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind.ACADEMIA));
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update("POST /consultations/ceg-keyed/stakeholders\n".getBytes(StandardCharsets.UTF_8));
        sha256.update(request);
        assertEquals(64, stored.length());
        assertFalse(java.util.HexFormat.of().formatHex(sha256.digest()).equals(stored),
                "the stored hash is the plain SHA-256 of the request: whoever guesses the name can confirm it");

        // and it still does its job: the same request is answered again, another one is refused
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/consultations/ceg-keyed/stakeholders").then().statusCode(201).body("stakeholderId", equalTo(first));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body.replace("ACADEMIA", "CIVIL_SOCIETY")).post("/consultations/ceg-keyed/stakeholders").then()
                .statusCode(422);
    }

    private static void openConsultation(String id) {
        post("/consultations", "{\"id\":\"" + id + "\",\"title\":\"A consultation of the tests\",\"question\":\"?\","
                + "\"options\":[{\"id\":\"1\",\"text\":\"An option\"}],\"opensOn\":\"2016-01-01\","
                + "\"closesOn\":\"2016-03-01\",\"chathamHouse\":false}").statusCode(201);
    }

    private String storedPayloads(String aggregateId) throws Exception {
        StringBuilder all = new StringBuilder();
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, aggregateId);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertTrue(all.length() > 0, "no events of " + aggregateId);
        return all.toString();
    }

    private String requestHashOf(String idempotencyKey) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT request_hash FROM idempotency_key WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no record of " + idempotencyKey);
                return row.getString(1);
            }
        }
    }

    /** The topic's record of that type for that stakeholder, as bytes on the wire (data and headers). */
    private ConsumerRecord<String, byte[]> recordOfType(String type, String marker, String stakeholderId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CLOUD_EVIDENCE));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String raw = raw(record);
                    if (raw.contains(type) && (raw.contains(stakeholderId) || raw.contains(marker))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " of " + stakeholderId + " on the topic");
    }

    @Test
    void badInputsChangeNothing() throws Exception {
        long before = storedEvents();
        post("/consultations", "{\"id\":\"x\",\"options\":[]}").statusCode(400)
                .body("errors.field", hasItems("title", "question", "options", "opensOn", "closesOn", "chathamHouse"));
        post("/consultations/none/stakeholders", "{\"name\":\"x\",\"kind\":\"ACADEMIA\"}").statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/consultations").then().statusCode(401);
        given().auth().oauth2(OBSERVER).contentType(ContentType.JSON).body("{}").post("/consultations").then().statusCode(403);
        assertEquals(before, storedEvents());
    }

    private List<ConsumerRecord<String, byte[]>> submissionRecords(int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.CLOUD_EVIDENCE));
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (raw(record).contains("tcy.cloud-evidence.SubmissionReceived.v1")) {
                        found.add(record);
                    }
                }
            }
        }
        assertTrue(found.size() >= atLeast, "the publisher put " + found.size() + " submissions on the topic");
        return found;
    }

    private static String raw(ConsumerRecord<String, byte[]> record) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(record.value());
        record.headers().forEach(header -> all.writeBytes(header.value()));
        return all.toString(StandardCharsets.UTF_8);
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
