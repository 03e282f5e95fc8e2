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
