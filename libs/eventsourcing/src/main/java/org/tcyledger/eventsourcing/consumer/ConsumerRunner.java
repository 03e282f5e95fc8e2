package org.tcyledger.eventsourcing.consumer;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;
import org.tcyledger.eventsourcing.kafka.TopicAdmin;

/**
 * Runs every {@link TopicConsumer} of the service on a thread of its own: at least once in from Kafka, exactly once
 * in effect. Each event is applied and recorded as consumed in one PostgreSQL transaction; a duplicate id is
 * skipped; a gap in an aggregate's sequence is recorded and reported in health; the Kafka offsets are committed
 * after the database. An event that cannot be applied is retried, never skipped. An event that arrives before
 * the events it follows is held back (not applied, not recorded) and the gap reported until they arrive.
 */
@ApplicationScoped
public class ConsumerRunner {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

    /** What health reports of one consumer. */
    public record Status(String group, boolean running, long applied, long duplicates, long gaps, String lastError) {
    }

    @Inject
    @Any
    Instance<TopicConsumer> consumers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaSettings settings;
    /** How long a command waits for a replica to reach the end of its topics before answering 503. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tcy.replica.wait-ms", defaultValue = "5000")
    long replicaWaitMs;

    private final Map<String, Loop> loops = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent startup) {
        for (TopicConsumer consumer : consumers) {
            Loop loop = new Loop(consumer);
            loops.put(consumer.group(), loop);
            Thread thread = new Thread(loop, "consumer-" + consumer.group());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        loops.values().forEach(Loop::stop);
    }

    /**
     * Waits until the consumer {@code group} has applied every record its topics held when this was called, so that
     * a command answered from a replica sees everything published before it arrived.
     */
    public void awaitCaughtUp(String group) {
        awaitCaughtUp(group, java.time.Duration.ofMillis(replicaWaitMs));
    }

    public void awaitCaughtUp(String group, java.time.Duration timeout) {
        Loop loop = loops.get(group);
        if (loop == null) {
            throw new IllegalArgumentException("no consumer " + group);
        }
        Map<TopicPartition, Long> ends;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(settings.admin())) {
            var partitions = admin.describeTopics(loop.consumer.topics()).allTopicNames()
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(java.util.stream.Collectors.toMap(tp -> tp,
                            tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            ends = new java.util.HashMap<>();
            admin.listOffsets(partitions).all().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        } catch (Exception e) {
            throw new ReplicaNotCaughtUp("cannot read the end of " + loop.consumer.topics() + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!loop.hasReached(ends)) {
            if (System.nanoTime() > deadline) {
                throw new ReplicaNotCaughtUp("the replica " + group + " has not caught up with " + loop.consumer.topics());
            }
            sleep(java.time.Duration.ofMillis(10));
        }
    }

    public List<Status> statuses() {
        return loops.values().stream().map(Loop::status).toList();
    }

    private enum Arrival { IN_ORDER, DUPLICATE, EARLY }

    private final class Loop implements Runnable {
        private final TopicConsumer consumer;
        private volatile boolean stopping;
        private volatile boolean running;
        private volatile KafkaConsumer<String, CloudEvent> kafka;
        private volatile long applied;
        private volatile long duplicates;
        private volatile long gaps;
        private volatile String lastError;
        /** The next offset to apply per partition, after everything before it was applied and committed. */
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

        Loop(TopicConsumer consumer) {
            this.consumer = consumer;
        }

        Status status() {
            return new Status(consumer.group(), running, applied, duplicates, gaps, lastError);
        }

        boolean hasReached(Map<TopicPartition, Long> ends) {
            return ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0 || positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
        }

        void stop() {
            stopping = true;
            KafkaConsumer<String, CloudEvent> current = kafka;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            Duration backoff = Duration.ofMillis(200);
            while (!stopping) {
                try {
                    TopicAdmin.ensure(settings, consumer.topics());
                    consumeUntilStopped();
                    backoff = Duration.ofMillis(200);
                } catch (WakeupException e) {
                    // stopping
                } catch (RuntimeException e) {
                    running = false;
                    lastError = e.getMessage();
                    LOG.errorf(e, "consumer %s failed; it resumes from its last committed offset", consumer.group());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                            ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
                }
            }
            running = false;
        }

        private void consumeUntilStopped() {
            try (KafkaConsumer<String, CloudEvent> client = new KafkaConsumer<>(settings.consumer(consumer.group()))) {
                kafka = client;
                client.subscribe(consumer.topics());
                running = true;
                while (!stopping) {
                    ConsumerRecords<String, CloudEvent> records = client.poll(Duration.ofMillis(100));
                    if (!records.isEmpty()) {
                        for (ConsumerRecord<String, CloudEvent> record : records) {
                            applyOnce(record);
                        }
                        client.commitSync();
                        lastError = null;
                    }
                    for (TopicPartition partition : client.assignment()) {
                        positions.put(partition, client.position(partition));
                    }
                }
            } finally {
                kafka = null;
            }
        }

        private void applyOnce(ConsumerRecord<String, CloudEvent> record) {
            EventEnvelope event = EventEnvelope.fromCloudEvent(record.value());
            Arrival arrival = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    Arrival seen = recordConsumed(connection, event, record);
                    if (seen == Arrival.IN_ORDER) {
                        consumer.apply(event, connection);
                    }
                    return seen;
                }
            });
            switch (arrival) {
                case IN_ORDER -> applied++;
                case DUPLICATE -> duplicates++;
                case EARLY -> gaps++;
            }
        }

        /** Whether to apply the event: not if applied before (by id or sequence), nor before the events it follows. */
        private Arrival recordConsumed(Connection connection, EventEnvelope event,
                                       ConsumerRecord<String, CloudEvent> record) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO consumed_event (event_id, source, subject, sequence, topic, kafka_partition, kafka_offset, "
                    + "consumer_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer_group, event_id) DO NOTHING")) {
                insert.setString(8, consumer.group());
                insert.setString(1, event.id());
                insert.setString(2, event.source());
                insert.setString(3, event.subject());
                insert.setLong(4, event.sequence());
                insert.setString(5, record.topic());
                insert.setInt(6, record.partition());
                insert.setLong(7, record.offset());
                if (insert.executeUpdate() == 0) {
                    return Arrival.DUPLICATE;
                }
            }
            Long last = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence FROM consumed_position WHERE source = ? AND subject = ? AND consumer_group = ? FOR UPDATE")) {
                select.setString(1, event.source());
                select.setString(2, event.subject());
                select.setString(3, consumer.group());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        last = row.getLong(1);
                    }
                }
            }
            long expected = last == null ? 0 : last + 1;
            if (event.sequence() < expected) {
                LOG.warnf("%s: event %s of %s has sequence %d, already applied up to %d; skipped",
                        consumer.group(), event.id(), event.subject(), event.sequence(), expected - 1);
                return Arrival.DUPLICATE;
            }
            if (event.sequence() > expected) {
                // Not applied and not recorded as consumed: the missing events come first when the publisher
                // redelivers them, and this one after them. If they never come, the gap stays reported.
                LOG.errorf("%s: gap in %s %s: expected sequence %d, received %d (event %s); held back",
                        consumer.group(), event.source(), event.subject(), expected, event.sequence(), event.id());
                try (PreparedStatement gap = connection.prepareStatement(
                        "INSERT INTO consumed_gap (source, subject, expected_sequence, received_sequence, event_id, "
                        + "consumer_group) VALUES (?, ?, ?, ?, ?, ?)")) {
                    gap.setString(6, consumer.group());
                    gap.setString(1, event.source());
                    gap.setString(2, event.subject());
                    gap.setLong(3, expected);
                    gap.setLong(4, event.sequence());
                    gap.setString(5, event.id());
                    gap.executeUpdate();
                }
                try (PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM consumed_event WHERE event_id = ? AND consumer_group = ?")) {
                    forget.setString(1, event.id());
                    forget.setString(2, consumer.group());
                    forget.executeUpdate();
                }
                return Arrival.EARLY;
            }
            try (PreparedStatement heal = connection.prepareStatement(
                    "UPDATE consumed_gap SET healed_at = now() WHERE source = ? AND subject = ? "
                    + "AND healed_at IS NULL AND expected_sequence = ? AND consumer_group = ?")) {
                heal.setString(1, event.source());
                heal.setString(2, event.subject());
                heal.setLong(3, event.sequence());
                heal.setString(4, consumer.group());
                heal.executeUpdate();
            }
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO consumed_position (source, subject, sequence, consumer_group) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (consumer_group, source, subject) DO UPDATE SET sequence = excluded.sequence")) {
                upsert.setString(4, consumer.group());
                upsert.setString(1, event.source());
                upsert.setString(2, event.subject());
                upsert.setLong(3, event.sequence());
                upsert.executeUpdate();
            }
            return Arrival.IN_ORDER;
        }
    }

    /** Gaps not healed yet, as recorded in the database across restarts. */
    public List<String> recordedGaps() {
        List<String> found = new ArrayList<>();
        if (loops.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT consumer_group, source, subject, expected_sequence, received_sequence FROM consumed_gap "
                     + "WHERE healed_at IS NULL ORDER BY detected_at");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1) + ": " + rows.getString(2) + " " + rows.getString(3) + ": expected "
                          + rows.getLong(4) + ", received " + rows.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
