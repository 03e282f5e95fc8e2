package org.tcyledger.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * One aggregate's events as its owning service would publish them (CloudEvents, hash-chained, in sequence), for
 * tests of a consumer that must not depend on the producing service running. Also makes the duplicates, gaps and
 * reorderings a real topic can bring.
 */
public final class PublishedStream {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EventCatalog catalog;
    private final String source;
    private final String subject;
    private String prevhash = ChainHash.GENESIS;
    private long sequence;

    public PublishedStream(EventCatalog catalog, String source, String subject) {
        this.catalog = catalog;
        this.source = source;
        this.subject = subject;
    }

    /** The next event of the stream. */
    public EventEnvelope next(Object event) {
        return at(sequence, event);
    }

    /** The event at a given sequence (to make a gap); the chain continues from it. */
    public EventEnvelope at(long atSequence, Object event) {
        try {
            byte[] data = JSON.writeValueAsBytes(event);
            String type = catalog.wireTypeOf(event.getClass());
            Instant time = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String hash = ChainHash.of(prevhash, type, subject, atSequence, time, "test-publisher", data);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source, type, subject, atSequence,
                    time, "test-publisher", UUID.randomUUID().toString(), null, prevhash, hash, null, data);
            prevhash = hash;
            sequence = atSequence + 1;
            return envelope;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends the envelopes to {@code topic}, keyed by subject, and waits for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, String topic, EventEnvelope... envelopes) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(topic, envelope.subject(), envelope.toCloudEvent())).get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the broker did not take the events", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
