package org.tcyledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.testing.CheckpointKeyFiles;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.SignedRecord;

/**
 * The standalone verifier against a real broker: a source's record on a topic verifies; copies of that topic with one
 * record dropped, two reordered, one edited, a partition truncated, a checkpoint forged or a record that is not an
 * event at all each fail, naming what broke.
 */
class VerifyTopicsTest {

    private static final int PARTITIONS = 3;
    private static final String TOPIC = "audit-test.meetings.v1";
    private static final CheckpointKeyFiles KEYS = CheckpointKeyFiles.forTests();
    private static String bootstrap;
    private static CheckpointKeys keys;
    /** The record as published, partition by partition in offset order. */
    private static Map<Integer, List<EventEnvelope>> published;

    @BeforeAll
    static void aSignedRecordOnATopic() throws Exception {
        bootstrap = Infrastructure.forTests().kafkaBootstrapServers();
        keys = CheckpointKeys.parse(Files.readAllBytes(KEYS.jwks()));
        SignedRecord meetings = new SignedRecord("meetings", new EventCatalog(MeetingEvent.class), KEYS.signer("meetings"));
        for (int round = 0; round < 3; round++) {
            for (int meeting = 1; meeting <= 8; meeting++) {
                String id = "T-CY-" + meeting;
                meetings.append(id, round == 0 ? new MeetingEvent.MeetingOpened(id) : new MeetingEvent.MeetingClosed(id));
            }
            meetings.checkpoint();
        }
        create(TOPIC);
        PublishedStream.publish(bootstrap, TOPIC, meetings.events().toArray(EventEnvelope[]::new));
        published = read(TOPIC);
    }

    @Test
    void theTopicAsPublishedVerifies() {
        VerifyTopics.Result result = VerifyTopics.verify(bootstrap, List.of(TOPIC), keys, Duration.ofMinutes(5));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        VerifyTopics.print(result, new PrintStream(printed, true));
        assertTrue(result.verified(), printed.toString());
        SourceAudit.Report report = result.sources().getFirst();
        assertEquals(27, report.events());
        assertEquals(8, report.streams());
        assertEquals(3, report.checkpoints());
        assertEquals(24, report.covered());
        assertEquals(0, report.uncovered());
        assertTrue(printed.toString().contains("verified: every chain and every checkpoint holds"), printed.toString());
    }

    @Test
    void aDroppedRecordIsABreak() throws Exception {
        EventEnvelope last = lastOfAStream();
        assertBreak(copy(events -> without(events, last)), last.subject(), last.sequence(), "covers sequence");
    }

    @Test
    void twoRecordsSwappedAreABreak() throws Exception {
        EventEnvelope last = lastOfAStream();
        VerifyTopics.Result result = copy(events -> {
            List<EventEnvelope> swapped = new ArrayList<>(events);
            int at = swapped.indexOf(last);
            int before = -1;
            for (int i = at - 1; i >= 0; i--) {
                if (swapped.get(i).subject().equals(last.subject())) {
                    before = i;
                    break;
                }
            }
            if (before >= 0) {
                swapped.set(at, swapped.get(before));
                swapped.set(before, last);
            }
            return swapped;
        });
        assertBreak(result, last.subject(), last.sequence(), "where " + (last.sequence() - 1) + " was expected");
    }

    @Test
    void anEditedRecordIsABreak() throws Exception {
        EventEnvelope last = lastOfAStream();
        assertBreak(copy(events -> events.stream().map(event -> event != last ? event : withData(event,
                new String(event.data()).replace(event.subject(), "T-CY-99"))).toList()),
                last.subject(), last.sequence(), "hash does not match");
    }

    @Test
    void aTruncatedPartitionIsABreakOfEveryStreamItCutShort() throws Exception {
        EventEnvelope last = lastOfAStream();
        int partition = partitionOf(last);
        VerifyTopics.Result result = copyPartitions(partitions -> {
            List<EventEnvelope> events = partitions.get(partition);
            partitions.put(partition, events.subList(0, events.size() / 2));
            return partitions;
        });
        assertBreak(result, last.subject(), last.sequence(), "covers sequence");
    }

    @Test
    void aForgedCheckpointIsABreak() throws Exception {
        EventEnvelope checkpoint = published.values().stream().flatMap(List::stream)
                .filter(event -> event.subject().equals("@checkpoints") && event.sequence() == 2).findFirst().orElseThrow();
        String forged = new String(checkpoint.data()).replaceFirst("\"events\":24", "\"events\":23");
        VerifyTopics.Result result = copy(events -> events.stream().map(event -> event != checkpoint ? event
                : rehashed(withData(event, forged))).toList());
        assertBreak(result, "@checkpoints", 2, "the signature does not verify");
    }

    @Test
    void aRecordThatIsNotAnEventIsReportedNotFatal() throws Exception {
        String copy = "audit-test.copy-" + UUID.randomUUID();
        create(copy);
        for (List<EventEnvelope> events : published.values()) {
            PublishedStream.publish(bootstrap, copy, events.toArray(EventEnvelope[]::new));
        }
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(copy, "noise", "not a cloud event".getBytes())).get();
        }
        VerifyTopics.Result result = VerifyTopics.verify(bootstrap, List.of(copy), keys, Duration.ofMinutes(5));
        assertFalse(result.verified());
        assertEquals(1, result.unreadable().size(), result.unreadable().toString());
        assertTrue(result.sources().getFirst().verified(), result.sources().getFirst().breaks().toString());
    }

    private static void assertBreak(VerifyTopics.Result result, String subject, long sequence, String reason) {
        assertFalse(result.verified());
        List<org.tcyledger.contracts.wire.ChainVerifier.Break> breaks = result.sources().getFirst().breaks();
        assertTrue(breaks.stream().anyMatch(found -> found.subject().equals(subject) && found.sequence() == sequence
                        && found.reason().contains(reason)),
                "expected a break of " + subject + " #" + sequence + " (" + reason + "), got " + breaks);
    }

    /** The last event of a stream, in a partition the checkpoints are not in. */
    private static EventEnvelope lastOfAStream() {
        int checkpoints = published.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(event -> event.subject().equals("@checkpoints")))
                .findFirst().orElseThrow().getKey();
        return published.entrySet().stream().filter(entry -> entry.getKey() != checkpoints)
                .map(entry -> entry.getValue().getLast()).findFirst().orElseThrow();
    }

    private static int partitionOf(EventEnvelope event) {
        return published.entrySet().stream().filter(entry -> entry.getValue().contains(event)).findFirst().orElseThrow()
                .getKey();
    }

    private static List<EventEnvelope> without(List<EventEnvelope> events, EventEnvelope dropped) {
        return events.stream().filter(event -> event != dropped).toList();
    }

    private static VerifyTopics.Result copy(UnaryOperator<List<EventEnvelope>> change) throws Exception {
        return copyPartitions(partitions -> {
            partitions.replaceAll((partition, events) -> change.apply(events));
            return partitions;
        });
    }

    /** A copy of the topic, each record in its partition, changed on the way; then the verifier on the copy. */
    private static VerifyTopics.Result copyPartitions(UnaryOperator<Map<Integer, List<EventEnvelope>>> change)
            throws Exception {
        Map<Integer, List<EventEnvelope>> partitions = new TreeMap<>();
        published.forEach((partition, events) -> partitions.put(partition, new ArrayList<>(events)));
        String copy = "audit-test.copy-" + UUID.randomUUID();
        create(copy);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class))) {
            for (Map.Entry<Integer, List<EventEnvelope>> partition : change.apply(partitions).entrySet()) {
                for (EventEnvelope event : partition.getValue()) {
                    producer.send(new ProducerRecord<>(copy, partition.getKey(), event.subject(), event.toCloudEvent()))
                            .get();
                }
            }
        }
        return VerifyTopics.verify(bootstrap, List.of(copy), keys, Duration.ofMinutes(5));
    }

    private static void create(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    private static Map<Integer, List<EventEnvelope>> read(String topic) {
        Map<Integer, List<EventEnvelope>> partitions = new TreeMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class))) {
            List<TopicPartition> all = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                all.add(new TopicPartition(topic, partition));
                partitions.put(partition, new ArrayList<>());
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            while (all.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                    partitions.get(record.partition()).add(EventEnvelope.fromCloudEvent(record.value()));
                }
            }
        }
        return partitions;
    }

    private static EventEnvelope withData(EventEnvelope e, String data) {
        return new EventEnvelope(e.id(), e.source(), e.type(), e.subject(), e.sequence(), e.time(), e.actor(),
                e.correlationId(), e.causationId(), e.prevhash(), e.hash(), e.traceparent(), data.getBytes());
    }

    /** The chain mended around a change, as anyone who can write to the topic can do without a key. */
    private static EventEnvelope rehashed(EventEnvelope e) {
        return new EventEnvelope(e.id(), e.source(), e.type(), e.subject(), e.sequence(), e.time(), e.actor(),
                e.correlationId(), e.causationId(), e.prevhash(),
                ChainHash.of(e.prevhash(), e.type(), e.subject(), e.sequence(), e.time(), e.actor(), e.data()),
                e.traceparent(), e.data());
    }
}
