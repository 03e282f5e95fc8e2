package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccedeV1;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.checkpoint.CheckpointWriter;
import org.tcyledger.testing.AuditedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * An invitation stored as {@code tcy.membership.InvitedToAccede.v1}, before the event carried the day it lapses, stays
 * as it was hashed: the member loads it as v2 and its rules apply (the last valid day accepts an accession, the day
 * after refuses it), its stream and the store still verify, and it reaches the topic as it was stored.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class HistoricInvitationTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final String V1 = "tcy.membership.InvitedToAccede.v1";

    @Inject
    EventStore eventStore;
    @Inject
    CheckpointWriter checkpoints;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** Stored as an old service stored it: through the storage engine, which chains it, at the stream's next sequence. */
    private void storeAsBeforeV2(String memberId, long sequence, InvitedToAccedeV1 invitation) {
        QuarkusTransaction.requiringNew().run(() -> eventStore.publish(new GenericDomainEventMessage<>("Member",
                memberId, sequence, invitation, MetaData.with("actor", "secretariat"))));
    }

    @Test
    void aMemberInvitedBeforeV2LoadsItsInvitationAndItsRulesStillApply() throws Exception {
        post("/members", "{\"id\":\"MV\",\"name\":\"Maldives\",\"kind\":\"STATE\",\"councilOfEuropeMember\":false}")
                .statusCode(201);
        storeAsBeforeV2("MV", 1, new InvitedToAccedeV1("MV", LocalDate.parse("2010-03-01"), "invented for the tests"));

        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2015-02-28").get("/members/MV").then().statusCode(200)
                .body("invitedOn", equalTo("2010-03-01")).body("capacity", equalTo("OBSERVER"));
        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2015-03-01").get("/members/MV").then().statusCode(200)
                .body("capacity", equalTo("NONE"));
        post("/members/MV/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCESSION\",\"depositedOn\":\"2015-03-01\"}")
                .statusCode(409).body("rule", equalTo("invitation-expired"));
        post("/members/MV/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCESSION\",\"depositedOn\":\"2015-02-28\"}")
                .statusCode(201).body("sequence", equalTo(2)).body("entryIntoForceOn", equalTo("2015-06-01"));

        List<EventEnvelope> stored = AuditedStream.of("/tcy/membership", given().auth().oauth2(AUDITOR)
                .get("/members/MV/events").then().statusCode(200).extract().jsonPath().getList("$"));
        assertEquals(V1, stored.get(1).type(), "the stored event is never rewritten");
        assertFalse(new String(stored.get(1).data(), StandardCharsets.UTF_8).contains("lapsesOn"));
        assertEquals("tcy.membership.InstrumentDeposited.v1", stored.get(2).type());
        assertTrue(ChainVerifier.firstBreak(stored).isEmpty(), "the chain through the v1 event verifies");

        assertFalse(checkpoints.write(true).isEmpty(), "a checkpoint covers the v1 event");
        List<Map<String, Object>> breaks = given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("breaks").stream()
                .filter(found -> "MV".equals(found.get("subject"))).toList();
        assertEquals(List.of(), breaks);

        List<EventEnvelope> published = publishedOf("MV", 3);
        assertEquals(V1, published.get(1).type(), "a v1 stays v1 on the wire");
        assertTrue(published.get(1).hashMatches(), "published as stored, so that its hash holds");
        assertTrue(ChainVerifier.firstBreak(published).isEmpty());
    }

    /** The records of {@code subject} on the topic, in sequence order, once {@code count} of them are there. */
    private List<EventEnvelope> publishedOf(String subject, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "historic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        List<EventEnvelope> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.MEMBERSHIP));
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(record.key())) {
                        records.add(EventEnvelope.fromCloudEvent(record.value()));
                    }
                }
            }
        }
        assertEquals(count, records.size(), "records of " + subject + " on the topic");
        records.sort(java.util.Comparator.comparingLong(EventEnvelope::sequence));
        return records;
    }
}
