package org.tcyledger.eventsourcing.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.testing.Infrastructure;

/**
 * {@link KafkaPublisher} against a real broker, driven as the {@code kafka-publisher} tracking processor drives it:
 * one unit of work per batch, whose transaction also stores the processor's token (in a prepare-commit handler
 * registered before the events are handled, as Axon's processor does) and commits after every prepare-commit
 * handler. The token "moves" when that transaction commits.
 */
class KafkaPublisherTest {

    private static Infrastructure infrastructure;
    private static final String SERVICE = "publisher-test";

    @BeforeAll
    static void broker() {
        infrastructure = Infrastructure.forTests();
    }

    /** What became of one batch: whether its transaction (and so the token) committed, and what was confirmed then. */
    private static final class Batch implements Transaction {
        final List<DomainEventMessage<?>> events;
        boolean committed;
        boolean rolledBack;
        boolean tokenWritten;
        /** Per event, whether the publisher counted it as published at the moment the transaction committed. */
        final List<Boolean> publishedAtCommit = new ArrayList<>();
        RuntimeException failure;
        private KafkaPublisher publisher;

        Batch(List<DomainEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public void commit() {
            assertTrue(tokenWritten, "the token is written in the transaction, before it commits");
            events.forEach(event -> publishedAtCommit.add(publisher.awaitPublished(event.getIdentifier(), Duration.ZERO)));
            committed = true;
        }

        @Override
        public void rollback() {
            rolledBack = true;
        }
    }

    private static Batch process(KafkaPublisher publisher, List<DomainEventMessage<?>> events) {
        Batch batch = new Batch(events);
        batch.publisher = publisher;
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        unitOfWork.attachTransaction(() -> batch);
        unitOfWork.onPrepareCommit(u -> batch.tokenWritten = true);
        try {
            for (DomainEventMessage<?> event : events) {
                publisher.publish(event.getPayload(), event);
            }
        } catch (RuntimeException e) {
            batch.failure = e;
            unitOfWork.rollback(e);
            return batch;
        }
        try {
            unitOfWork.commit();
        } catch (RuntimeException e) {
            batch.failure = e;
        }
        return batch;
    }

    private static KafkaSettings settings(int maxRequestBytes) {
        KafkaSettings settings = new KafkaSettings();
        settings.bootstrapServers = infrastructure.kafkaBootstrapServers();
        settings.partitions = 1;
        settings.replicationFactor = 1;
        settings.maxBlockMs = 3000;
        settings.deliveryTimeoutMs = 6000;
        settings.maxRequestBytes = maxRequestBytes;
        return settings;
    }

    private static KafkaPublisher publisher(String topic, KafkaSettings settings) {
        WriteModel model = new WriteModel(SERVICE, topic, List.of(), new EventCatalog(MembershipEvent.class));
        return new KafkaPublisher(model, settings, WireTypeSerializer.create(model.catalog()),
                io.micrometer.core.instrument.Timer.builder("tcy.publisher.acknowledgement")
                        .register(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    private static String topic(String name) {
        return "publisher-test." + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DomainEventMessage<?> event(String memberId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Member", memberId, sequence, payload,
                MetaData.with("prevhash", "p" + sequence).and("hash", "h" + sequence).and("actor", "secretariat"));
    }

    private static DomainEventMessage<?> small(String memberId, long sequence) {
        return event(memberId, sequence, new ObserverStatusEnded(memberId, LocalDate.parse("2024-01-01").plusDays(sequence)));
    }

    private static List<String> ids(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getIdentifier).toList();
    }

    /** Every record of the topic's single partition, from the start, as it stands once {@code expected} are there. */
    private static List<EventEnvelope> onTopic(String topic, int expected) {
        Map<String, Object> config = settings(1 << 20).consumer("publisher-test-reader-" + UUID.randomUUID());
        List<EventEnvelope> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = EventEnvelope.fromCloudEvent(record.value());
                    assertEquals(envelope.subject(), record.key(), "keyed by aggregate");
                    records.add(envelope);
                }
            }
            // and nothing more arrives than was expected
            consumer.poll(Duration.ofMillis(500)).forEach(record -> records.add(EventEnvelope.fromCloudEvent(record.value())));
        }
        return records;
    }

    @Test
    void aBatchIsOnTheTopicAndConfirmedBeforeItsTokenMoves() {
        String topic = topic("batch");
        KafkaPublisher publisher = publisher(topic, settings(1 << 21));
        try {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int sequence = 0; sequence < 40; sequence++) {
                events.add(small("M" + sequence % 3, sequence / 3));
            }
            Batch batch = process(publisher, events);

            assertNull(batch.failure);
            assertTrue(batch.committed);
            assertEquals(events.stream().map(e -> true).toList(), batch.publishedAtCommit,
                    "every send of the batch was acknowledged before the transaction that moves the token committed");
            List<EventEnvelope> published = onTopic(topic, events.size());
            assertEquals(ids(events), published.stream().map(EventEnvelope::id).toList(), "all of them, once, in order");
            EventEnvelope first = published.get(0);
            assertEquals("tcy.membership.ObserverStatusEnded.v1", first.type());
            assertEquals("/tcy/" + SERVICE, first.source());
            assertEquals("p0", first.prevhash());
            assertEquals("h0", first.hash());
            assertEquals("secretariat", first.actor());
            assertTrue(publisher.alarm().isEmpty());
        } finally {
            publisher.close();
        }
    }

    @Test
    void aRecordLargerThanAConsumersFetchIsStillReadWholeAndInOrder() {
        String topic = topic("large");
        KafkaPublisher publisher = publisher(topic, settings(Topics.MAX_REQUEST_BYTES));
        try {
            // 1.5 MB: over the 1 MB a consumer fetches from a partition at once (Kafka's max.partition.fetch.bytes), under
            // the topic's limit
            DomainEventMessage<?> large = event("LG", 1, new InvitedToAccede("LG", LocalDate.parse("2024-01-01"),
                    "l".repeat(1_500_000), LocalDate.parse("2029-01-01")));
            List<DomainEventMessage<?>> events = List.of(small("LG", 0), large, small("LG", 2), small("LH", 0));
            assertNull(process(publisher, events).failure);

            List<EventEnvelope> read = onTopic(topic, events.size());
            assertEquals(ids(events), read.stream().map(EventEnvelope::id).toList(),
                    "the large record is fetched whole, and the records after it follow in order");
            assertTrue(read.get(1).data().length > 1_500_000, "whole: " + read.get(1).data().length + " bytes");
        } finally {
            publisher.close();
        }
    }

    @Test
    void nothingCountsAsPublishedBeforeTheBatchIsConfirmed() {
        String topic = topic("unconfirmed");
        KafkaPublisher publisher = publisher(topic, settings(1 << 21));
        try {
            DomainEventMessage<?> event = small("NC", 0);
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            publisher.publish(event.getPayload(), event);
            assertFalse(publisher.awaitPublished(event.getIdentifier(), Duration.ofMillis(300)),
                    "sent, not yet flushed and checked: a command must not answer as published");
            unitOfWork.commit();
            assertTrue(publisher.awaitPublished(event.getIdentifier(), Duration.ZERO));
        } finally {
            publisher.close();
        }
    }

    @Test
    void aRecordKafkaRefusesFailsTheWholeBatchRaisesTheAlarmAndIsNeverSkipped() {
        String topic = topic("refused");
        KafkaPublisher publisher = publisher(topic, settings(20_000));
        try {
            DomainEventMessage<?> before = small("RF", 0);
            DomainEventMessage<?> tooLarge = event("RF", 1, new InvitedToAccede("RF", LocalDate.parse("2024-01-01"),
                    "r".repeat(30_000), LocalDate.parse("2029-01-01")));
            DomainEventMessage<?> after = small("RF", 2);
            List<DomainEventMessage<?>> events = List.of(before, tooLarge, after);

            Batch batch = process(publisher, events);
            assertNotNull(batch.failure, "the batch fails");
            assertFalse(batch.committed, "the token does not move");
            assertTrue(batch.rolledBack);
            assertFalse(publisher.awaitPublished(before.getIdentifier(), Duration.ZERO),
                    "not even the event before it counts as published");
            String alarm = publisher.alarm().orElseThrow(() -> new AssertionError("no alarm raised"));
            assertTrue(alarm.contains(tooLarge.getIdentifier()), alarm);
            assertTrue(alarm.contains("RecordTooLargeException"), alarm);
            assertEquals(1, publisher.refusals());

            Batch again = process(publisher, events);
            assertNotNull(again.failure, "retried in order: the same batch fails the same way, nothing is skipped");
            assertFalse(again.committed);
            assertEquals(2, publisher.refusals());
            assertTrue(publisher.alarm().isPresent());
            assertFalse(publisher.awaitPublished(after.getIdentifier(), Duration.ZERO));

            // once a batch goes through (the limits mended, say), the alarm is lowered
            Batch mended = process(publisher, List.of(small("OK", 0)));
            assertNull(mended.failure);
            assertTrue(mended.committed);
            assertTrue(publisher.alarm().isEmpty());
            assertEquals(2, publisher.refusals(), "the count of refusals stays");
        } finally {
            publisher.close();
        }
    }

    @Test
    void aBatchSentWhileKafkaIsDownFailsWithoutAlarmAndGoesOutWhenItIsBack() {
        String topic = topic("down");
        KafkaPublisher publisher = publisher(topic, settings(1 << 21));
        try {
            List<DomainEventMessage<?>> first = List.of(small("KD", 0), small("KD", 1));
            assertTrue(process(publisher, first).committed);
            List<DomainEventMessage<?>> second = List.of(small("KD", 2), small("KD", 3));
            Batch[] whileDown = new Batch[1];
            infrastructure.withKafkaDown(() -> whileDown[0] = process(publisher, second));
            assertNotNull(whileDown[0].failure, "Kafka away: the batch fails");
            assertFalse(whileDown[0].committed, "and the token stays");
            assertTrue(publisher.alarm().isEmpty(), "a broker away is not a refusal for good: " + publisher.alarm());
            assertEquals(0, publisher.refusals());

            Batch retried = process(publisher, second);
            assertNull(retried.failure);
            assertTrue(retried.committed);
            List<String> published = onTopic(topic, 4).stream().map(EventEnvelope::id).toList();
            assertEquals(new LinkedHashSet<>(List.of(first.get(0).getIdentifier(), first.get(1).getIdentifier(),
                            second.get(0).getIdentifier(), second.get(1).getIdentifier())),
                    new LinkedHashSet<>(published), "every event reached the topic (a retried batch may repeat one: consumers skip it by id)");
        } finally {
            publisher.close();
        }
    }
}
