package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.AuditedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** The rest of the member's life over REST, through real PostgreSQL and Kafka, with its refusals. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class MembershipLifecycleResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static ValidatableResponse send(String method, String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .when().request(method, path).then();
    }

    private static ValidatableResponse post(String path, String body) {
        return send("POST", path, body);
    }

    private static void register(String id, String name, String kind, boolean councilOfEurope) {
        post("/members", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                         + "\",\"councilOfEuropeMember\":" + councilOfEurope + "}").statusCode(201);
    }

    private static ValidatableResponse member(String id, String asOf) {
        return given().auth().oauth2(SECRETARIAT).queryParam("asOf", asOf).get("/members/" + id).then().statusCode(200);
    }

    @Test
    void australiaIsInvitedAccedesAndIsAPartyFromMarch2013() {
        register("AU", "Australia", "STATE", false);
        post("/members/AU/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCESSION\",\"depositedOn\":\"2012-11-30\"}")
                .statusCode(409).body("rule", equalTo("accession-needs-invitation"));
        post("/members/AU/invitations", "{\"invitedOn\":\"2011-03-02\",\"reference\":\"invented for the tests\"}")
                .statusCode(201);
        post("/members/AU/invitations", "{\"invitedOn\":\"2011-03-03\"}").statusCode(409)
                .body("rule", equalTo("no-second-invitation"));
        post("/members/AU/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCESSION\",\"depositedOn\":\"2012-11-30\"}")
                .statusCode(201).body("entryIntoForceOn", equalTo("2013-03-01"));
        member("AU", "2011-03-02").body("treaties[0].status", equalTo("INVITED")).body("capacity", equalTo("OBSERVER"));
        member("AU", "2013-03-01").body("treaties[0].status", equalTo("PARTY")).body("capacity", equalTo("PARTY"));
        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2013-03-01").queryParam("status", "PARTY")
                .get("/members").then().statusCode(200).body("id", hasItem("AU"));
    }

    @Test
    void aPartyDenouncesAndObserverStatusIsForOthers() {
        register("LT", "Lithuania", "STATE", true);
        post("/members/LT/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}").statusCode(201);
        post("/members/LT/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2003-12-04\"}")
                .statusCode(201);
        post("/members/LT/observer-status", "{\"grantedOn\":\"2010-01-01\"}").statusCode(409)
                .body("rule", equalTo("observer-status-only-for-non-party"));
        post("/members/LT/denunciations", "{\"treaty\":\"ETS185\",\"notifiedOn\":\"2030-01-15\"}").statusCode(201)
                .body("effectiveOn", equalTo("2030-05-01"));
        member("LT", "2030-05-01").body("treaties[0].status", equalTo("DENOUNCED")).body("capacity", equalTo("NONE"));

        register("INTERPOL", "International Criminal Police Organization", "ORGANISATION", false);
        post("/members/INTERPOL/observer-status", "{\"grantedOn\":\"2006-03-20\"}").statusCode(201);
        member("INTERPOL", "2010-01-01").body("capacity", equalTo("OBSERVER"));
        send("DELETE", "/members/INTERPOL/observer-status", "{\"endedOn\":\"2020-01-01\"}").statusCode(200);
        member("INTERPOL", "2020-01-01").body("capacity", equalTo("NONE"));
        send("DELETE", "/members/INTERPOL/observer-status", "{\"endedOn\":\"2021-01-01\"}").statusCode(409)
                .body("rule", equalTo("no-observer-status"));
    }

    @Test
    void aCorrectedDepositChangesTheAnswerButNotWhatWasRecordedBefore() throws Exception {
        register("PT", "Portugal", "STATE", true);
        post("/members/PT/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}").statusCode(201);
        String depositId = post("/members/PT/instruments",
                "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2004-06-12\"}")
                .statusCode(201).body("entryIntoForceOn", equalTo("2004-10-01")).extract().path("eventId");
        Thread.sleep(5);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);

        post("/members/PT/corrections", "{\"correctsEventId\":\"" + depositId + "\",\"reason\":\"typo\",\"treaty\":\"ETS185\","
                + "\"kind\":\"RATIFICATION\",\"depositedOn\":\"2001-11-01\"}")
                .statusCode(409).body("rule", equalTo("not-before-treaty-opened"));
        post("/members/PT/corrections", "{\"correctsEventId\":\"" + depositId + "\",\"reason\":\"typo\"}")
                .statusCode(400).body("errors[0].field", equalTo("treaty"));
        post("/members/PT/corrections", "{\"correctsEventId\":\"" + depositId + "\",\"reason\":\"the month was wrong\","
                + "\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2004-05-12\"}")
                .statusCode(201).body("correction.correctsEventId", equalTo(depositId));

        member("PT", "2004-09-01").body("treaties[0].status", equalTo("PARTY"))
                .body("treaties[0].depositedOn", equalTo("2004-05-12"));
        given().auth().oauth2(AUDITOR).queryParam("asOf", "2004-09-01").queryParam("recordedAt", beforeCorrection.toString())
                .get("/members/PT").then().statusCode(200).body("treaties[0].status", equalTo("RATIFIED"))
                .body("treaties[0].entryIntoForceOn", equalTo("2004-10-01"));
        List<String> types = given().auth().oauth2(AUDITOR).get("/members/PT/events").then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertEquals(List.of("tcy.membership.MemberRegistered.v1", "tcy.membership.TreatySigned.v1",
                "tcy.membership.InstrumentDeposited.v1", "tcy.membership.InstrumentDepositCorrected.v1"), types);
    }

    @Test
    void aTreatyEntersIntoForceOnceAndEarlierDepositsTakeTheirDate() {
        send("POST", "/treaties/ETS185/entry-into-force", "{\"inForceOn\":\"2004-07-01\"}").statusCode(409)
                .body("rule", equalTo("treaty-already-in-force"));
        send("POST", "/treaties/ETS999/entry-into-force", "{\"inForceOn\":\"2004-07-01\"}").statusCode(404);
        register("JP", "Japan", "STATE", false);
        post("/members/JP/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}").statusCode(201);
        post("/members/JP/instruments", "{\"treaty\":\"ETS185\",\"kind\":\"ACCEPTANCE\",\"depositedOn\":\"2012-07-03\"}")
                .statusCode(201).body("entryIntoForceOn", equalTo("2012-11-01"));
        post("/members/JP/signatures", "{\"treaty\":\"CETS224\",\"signedOn\":\"2023-02-01\"}").statusCode(201);
        post("/members/JP/instruments", "{\"treaty\":\"CETS224\",\"kind\":\"ACCEPTANCE\",\"depositedOn\":\"2023-08-01\"}")
                .statusCode(201).body("entryIntoForceOn", equalTo(null));
        member("JP", "2040-01-01").body("treaties.find { it.treaty == 'CETS224' }.status", equalTo("RATIFIED"));
        send("POST", "/treaties/CETS224/entry-into-force", "{\"inForceOn\":\"2030-01-01\"}").statusCode(201);
        member("JP", "2030-01-01").body("treaties.find { it.treaty == 'CETS224' }.status", equalTo("PARTY"))
                .body("treaties.find { it.treaty == 'CETS224' }.entryIntoForceOn", equalTo("2030-01-01"));
    }

    @Test
    void erasureLeavesNothingReadableAndTheChainStillVerifies() throws Exception {
        register("FI", "Finland", "STATE", true);
        String name = "Kadri Tamm-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "kadri." + UUID.randomUUID().toString().substring(0, 8) + "@example.ee";
        String phone = "+372 612 " + (1000 + (int) (Math.random() * 8999));
        String representativeId = post("/members/FI/representatives", "{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"role\":\"HEAD_OF_DELEGATION\",\"appointedOn\":\"2015-01-05\"}")
                .statusCode(201).body("representativeId", notNullValue()).extract().path("representativeId");
        String contactId = send("PUT", "/members/FI/contact-point", "{\"unit\":\"Cybercrime Unit\",\"phone\":\"" + phone
                + "\",\"email\":\"" + email + "\"}").statusCode(200).extract().path("personId");
        member("FI", "2016-01-01").body("representatives[0].name", equalTo(name))
                .body("contactPoint.phone", equalTo(phone));

        // the plaintext never reaches the event store or the topic, even before erasure
        List<String> secrets = List.of(name, email, phone);
        assertFalse(containsAny(eventStoreBytes(), secrets), "plaintext in the event store");
        byte[] topic = topicBytes("FI", 3);
        assertFalse(containsAny(topic, secrets), "plaintext on the topic");

        post("/people/" + representativeId + "/erasure", "{\"requestedBy\":\"Ms Representative\",\"reason\":\"GDPR Art. 17\"}")
                .statusCode(409).body("rule", equalTo("erasure-requested-by-an-office"));
        post("/people/" + representativeId + "/erasure", "{\"requestedBy\":\"DATA_SUBJECT\",\"reason\":\"DATA_SUBJECT_REQUEST\"}")
                .statusCode(201);
        post("/people/" + contactId + "/erasure", "{\"requestedBy\":\"MEMBER_DELEGATION\",\"reason\":\"ROLE_ENDED\"}").statusCode(201);
        post("/people/" + contactId + "/erasure", "{\"requestedBy\":\"MEMBER_DELEGATION\",\"reason\":\"ROLE_ENDED\"}").statusCode(404);
        member("FI", "2016-01-01").body("representatives[0].name", equalTo("[erased]"))
                .body("representatives[0].email", equalTo("[erased]"))
                .body("contactPoint.phone", equalTo("[erased]")).body("contactPoint.unit", equalTo("Cybercrime Unit"));
        assertEquals(0, keysOf(List.of(representativeId, contactId)));

        List<EventEnvelope> events = AuditedStream.of("/tcy/membership", given().auth().oauth2(AUDITOR)
                .get("/members/FI/events").then().statusCode(200).extract().jsonPath().getList("$"));
        assertEquals("tcy.membership.PersonalDataErased.v1", events.get(events.size() - 1).type());
        assertTrue(ChainVerifier.firstBreak(events).isEmpty(), "the chain verifies without the erased keys");
    }

    private static boolean containsAny(byte[] haystack, List<String> needles) {
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        return needles.stream().anyMatch(needle -> text.contains(new String(needle.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)));
    }

    private byte[] eventStoreBytes() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload, meta_data FROM domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.write(rows.getBytes(1));
                all.write(rows.getBytes(2));
            }
        }
        return all.toByteArray();
    }

    /** Every record of the topic, values and headers, once at least {@code atLeast} records of {@code subject} are there. */
    private byte[] topicBytes(String subject, int atLeast) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int seen = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.MEMBERSHIP));
            while (seen < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    all.write(record.value());
                    for (Header header : record.headers()) {
                        all.write(header.value());
                    }
                    if (subject.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        seen++;
                    }
                }
            }
        }
        assertTrue(seen >= atLeast, "the publisher put " + seen + " records of " + subject + " on the topic");
        return all.toByteArray();
    }

    private long keysOf(List<String> people) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM person_key WHERE person_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", people.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
