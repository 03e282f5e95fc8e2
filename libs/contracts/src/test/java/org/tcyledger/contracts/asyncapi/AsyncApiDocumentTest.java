package org.tcyledger.contracts.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.membership.MembershipEvent;

/**
 * The AsyncAPI documents of the four topics, made from the event records and kept under
 * {@code src/main/resources/asyncapi}, where the services serve them from. A new event or field changes the made
 * document, and this test fails until the kept one is approved ({@code -Dapprove=true}), so that no event reaches a
 * topic undescribed and every change of a contract shows in review.
 */
class AsyncApiDocumentTest {

    private static final Path KEPT = Path.of("src/main/resources");
    private static final Path RECEIVED = Path.of("target/asyncapi-received");

    @Test
    void theKeptDocumentsAreTheOnesTheRecordsMake() throws IOException {
        StringBuilder stale = new StringBuilder();
        for (TopicContract topic : TopicContract.ALL) {
            String made = AsyncApiDocument.yaml(topic, new SourceDescriptions());
            Path kept = KEPT.resolve(AsyncApiDocument.resource(topic.topic()));
            if (Boolean.getBoolean("approve")) {
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, made);
            } else if (!Files.exists(kept) || !Files.readString(kept).equals(made)) {
                Path received = RECEIVED.resolve(AsyncApiDocument.resource(topic.topic()));
                Files.createDirectories(received.getParent());
                Files.writeString(received, made);
                stale.append("\n  ").append(kept).append(" (made: ").append(received).append(')');
            }
        }
        if (!stale.isEmpty()) {
            fail("the events changed and these AsyncAPI documents did not; compare, then approve with "
                    + "-Dtest=AsyncApiDocumentTest -Dapprove=true:" + stale);
        }
    }

    @Test
    void everyWireTypeOfATopicIsAMessageOfItsDocument() {
        for (TopicContract topic : TopicContract.ALL) {
            Map<String, Object> components = map(AsyncApiDocument.of(topic, Descriptions.NONE).get("components"));
            List<String> described = map(components.get("messages")).values().stream()
                    .map(message -> (String) map(message).get("name")).sorted().toList();
            assertEquals(List.copyOf(topic.catalog().knownTypes().keySet()), described, topic.topic());
            assertTrue(described.contains("tcy." + topic.context() + ".ChainCheckpoint.v1"), topic.topic());
        }
    }

    @Test
    void aFieldIsRequiredUnlessAddedLaterAndNullableUnlessTheRecordSaysOtherwise() {
        Map<String, Object> schemas = map(map(AsyncApiDocument.of(TopicContract.MEMBERSHIP, Descriptions.NONE)
                .get("components")).get("schemas"));
        Map<String, Object> deposited = map(schemas.get("InstrumentDeposited.v1"));
        Map<String, Object> fields = map(deposited.get("properties"));
        assertEquals(List.of("memberId", "treaty", "kind", "depositedOn", "reservations", "declarations",
                "entryIntoForceOn"), deposited.get("required"));
        assertEquals(false, deposited.get("additionalProperties"));
        assertEquals("string", map(fields.get("memberId")).get("type"), "the stream's id is never null");
        assertEquals("array", map(fields.get("reservations")).get("type"), "the constructor puts [] for null");
        assertEquals(List.of("string", "null"), map(fields.get("entryIntoForceOn")).get("type"));
        assertEquals("date", map(fields.get("entryIntoForceOn")).get("format"));
        assertEquals(java.util.Arrays.asList("ETS185", "ETS189", "CETS224", null), map(fields.get("treaty")).get("enum"));

        Map<String, Object> signed = map(schemas.get("TreatySigned.v1"));
        assertFalse(((List<?>) signed.get("required")).contains("entryIntoForceOn"), "added later");
        assertEquals("boolean", map(map(signed.get("properties")).get("withoutReservationAsToRatification")).get("type"));
        assertTrue(schemas.containsKey("ArticleStatement"), "a record inside an event is a schema of its own");
    }

    @Test
    void aJsonNameOtherThanTheFieldsIsTheNameOnTheWire() {
        Map<String, Object> schemas = map(map(AsyncApiDocument.of(TopicContract.MEETINGS, Descriptions.NONE)
                .get("components")).get("schemas"));
        Map<String, Object> vote = map(map(schemas.get("Vote")).get("properties"));
        assertTrue(vote.containsKey("for") && !vote.containsKey("inFavour"), vote.keySet().toString());
    }

    record Carried(String id, URI where) {
    }

    record WithLater(String id, @AddedLater LocalDate since) {
    }

    @Test
    void aTypeTheWireCannotCarryFailsHereNamingTheField() {
        var failure = assertThrows(IllegalArgumentException.class,
                () -> new EventSchemas(Descriptions.NONE).event(Carried.class, "Carried.v1", null));
        assertTrue(failure.getMessage().contains("Carried.where"), failure.getMessage());
    }

    @Test
    void theDocumentationOfARecordIsItsDescription() {
        String text = new SourceDescriptions().of(MembershipEvent.TreatyDenounced.class);
        assertEquals("effectiveOn: first day of the month after three months from notification (Article 47).", text);
        var schemas = new EventSchemas(Descriptions.NONE);
        schemas.event(WithLater.class, "WithLater.v1", null);
        assertEquals(List.of("id"), map(schemas.all().get("WithLater.v1")).get("required"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
