package org.tcyledger.eventsourcing.consumer;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;
import org.tcyledger.eventsourcing.kafka.TopicAdmin;

/**
 * Runs every {@link TopicConsumer} of the service on a thread of its own: at least once in from Kafka, exactly once
 * in effect. The events of a poll are applied and recorded as consumed in one PostgreSQL transaction
 * ({@link EventApplier}); a duplicate id is skipped; a gap in an aggregate's sequence is recorded and reported in
 * health; the Kafka offsets are committed after the database. A poll that fails because the database or Kafka is
 * away is retried from the last committed offset, never skipped; a record that cannot be applied for a lasting
 * reason is parked with it (and its aggregate's later records behind it), so that no record stops a consumer.
 */
@ApplicationScoped
public class ConsumerRunner {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

    /** What health reports of one consumer. */
    public record Status(String group, boolean running, long applied, long duplicates, long gaps, long parked,
                         String lastError) {
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

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private final Map<String, Loop> loops = new ConcurrentHashMap<>();
    /** One admin client for the replicas' catch-up checks (creating one per command cost a connection each). */
    private org.apache.kafka.clients.admin.Admin admin;
    /** Consumers pass it for each poll; {@link #holdAll()} closes it. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    /** While held, no consumer of this service applies anything: their positions stay where they are. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    void onStart(@Observes StartupEvent startup) {
        for (TopicConsumer consumer : consumers) {
            Loop loop = new Loop(consumer);
            loops.put(consumer.group(), loop);
            Thread thread = new Thread(loop, "consumer-" + consumer.group());
            thread.setDaemon(true);
            thread.start();
            io.micrometer.core.instrument.Gauge.builder("tcy.consumer.parked", this, runner -> runner.parkedOf(consumer.group()))
                    .tag("group", consumer.group()).description("records parked by this consumer, waiting ones included")
                    .register(metrics);
            io.micrometer.core.instrument.FunctionCounter.builder("tcy.consumer.applied", loop, l -> l.applied)
                    .tag("group", consumer.group()).register(metrics);
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        loops.values().forEach(Loop::stop);
        synchronized (this) {
            if (admin != null) {
                admin.close(java.time.Duration.ofSeconds(2));
                admin = null;
            }
        }
    }

    private synchronized org.apache.kafka.clients.admin.Admin admin() {
        if (admin == null) {
            admin = org.apache.kafka.clients.admin.Admin.create(settings.admin());
        }
        return admin;
    }

    /** The parked records of every consumer of this service, in the order they were parked. */
    public List<ParkedRecords.Parked> parked() {
        try (Connection connection = dataSource.getConnection()) {
            return loops.isEmpty() ? List.of() : ParkedRecords.list(connection, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked records", e);
        }
    }

    private double parkedOf(String group) {
        try (Connection connection = dataSource.getConnection()) {
            return ParkedRecords.count(connection, group);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    /** The parked record a retry was asked for, and what the retry of its aggregate did. */
    public record RetryOf(ParkedRecords.Parked parked, EventApplier.Retry outcome) {
    }

    /**
     * Applies again the parked records of the aggregate of parked record {@code id}, in order, while no consumer of
     * this service moves; null when there is no such record.
     */
    public RetryOf retryParked(long id) {
        if (loops.isEmpty()) {
            return null; // a service without consumers has no parked records (nor their table)
        }
        ParkedRecords.Parked parked;
        try (Connection connection = dataSource.getConnection()) {
            parked = ParkedRecords.find(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read parked record " + id, e);
        }
        if (parked == null) {
            return null;
        }
        Loop loop = loop(parked.consumerGroup());
        // this instance's consumers only: the retry's own transactions take the shared side of the consumers' lock
        gate.writeLock().lock();
        try {
            return new RetryOf(parked,
                    loop.applier.retry(new AggregateKey(parked.source(), parked.subject())));
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Waits until the consumer {@code group} has applied every record its topics held when this was called, so that
     * a command answered from a replica sees everything published before it arrived.
     */
    public void awaitCaughtUp(String group) {
        awaitCaughtUp(group, java.time.Duration.ofMillis(replicaWaitMs));
    }

    public void awaitCaughtUp(String group, java.time.Duration timeout) {
        Loop loop = loop(group);
        Map<TopicPartition, Long> ends;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            var partitions = admin().describeTopics(loop.consumer.topics()).allTopicNames()
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(java.util.stream.Collectors.toMap(tp -> tp,
                            tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            ends = new java.util.HashMap<>();
            admin().listOffsets(partitions).all().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        } catch (Exception e) {
            resetAdmin();
            throw new ReplicaNotCaughtUp("cannot read the end of " + loop.consumer.topics() + ": " + e.getMessage());
        }
        // What the group has committed, whichever instance of this service applied it: every instance shares the
        // database, and the group commits an offset only after the database has what comes before it.
        while (!loop.hasReached(ends) && !committedReach(group, ends, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new ReplicaNotCaughtUp("the replica " + group + " has not caught up with " + loop.consumer.topics());
            }
            sleep(java.time.Duration.ofMillis(20));
        }
    }

    private boolean committedReach(String group, Map<TopicPartition, Long> ends, java.time.Duration timeout) {
        try {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin()
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
        } catch (Exception e) {
            resetAdmin();
            return false;
        }
    }

    private synchronized void resetAdmin() {
        if (admin != null) {
            admin.close(java.time.Duration.ZERO);
            admin = null;
        }
    }

    /**
     * Stops every consumer of the service after the poll it is applying, until the hold is closed by the thread that
     * took it (a rebuild compares and switches tables while nothing moves): those of this instance at their gate,
     * those of every other instance on the same database when their next transaction asks for the shared side of
     * {@link EventApplier#CONSUMERS_LOCK}, which the hold takes exclusively.
     */
    public Hold holdAll() {
        gate.writeLock().lock();
        Connection held = null;
        try {
            held = dataSource.getConnection();
            try (PreparedStatement lock = held.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, EventApplier.CONSUMERS_LOCK);
                lock.execute();
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(held);
            gate.writeLock().unlock();
            throw new IllegalStateException("cannot hold the consumers of every instance", e);
        }
        Connection lockHolder = held;
        return () -> {
            try (PreparedStatement unlock = lockHolder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, EventApplier.CONSUMERS_LOCK);
                unlock.execute();
            } catch (SQLException e) {
                LOG.warnf("releasing the consumers' lock failed (%s); closing its connection releases it", e.getMessage());
            } finally {
                closeQuietly(lockHolder);
                gate.writeLock().unlock();
            }
        };
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards it
            }
        }
    }

    /**
     * Where {@code group} stands across every instance, from the database: per partition, the offset after the last
     * record it applied. A record applied is recorded in the transaction that applied it, whichever instance did.
     */
    public Map<TopicPartition, Long> appliedPositions(String group) {
        Map<TopicPartition, Long> positions = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT topic, kafka_partition, max(kafka_offset) "
                     + "FROM consumed_event WHERE consumer_group = ? GROUP BY topic, kafka_partition")) {
            select.setString(1, group);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3) + 1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read where " + group + " stands", e);
        }
        return positions;
    }

    /** The consumers of this service, each with its own group. */
    public List<TopicConsumer> consumers() {
        return loops.values().stream().map(loop -> loop.consumer).toList();
    }

    /** Where {@code group} stands: the next offset to apply per partition, everything before it applied. */
    public Map<TopicPartition, Long> positions(String group) {
        return Map.copyOf(loop(group).positions);
    }

    /** How many batches the consumer {@code group} has committed since the service started. */
    public long batches(String group) {
        return loop(group).batches;
    }

    /**
     * Completes once the consumer {@code group} has committed more than {@code seen} batches (see {@link #batches}):
     * a reader that checked after {@code seen} looks again then, without a thread waiting for it.
     */
    public java.util.concurrent.CompletableFuture<Void> batchAfter(String group, long seen) {
        Loop loop = loop(group);
        java.util.concurrent.CompletableFuture<Void> next = new java.util.concurrent.CompletableFuture<>();
        synchronized (loop.progress) {
            if (loop.batches != seen) {
                next.complete(null);
                return next;
            }
            loop.waiters.add(next);
        }
        // a waiter that times out leaves the list at once, so that readers of an idle model do not pile up
        next.whenComplete((done, failed) -> {
            synchronized (loop.progress) {
                loop.waiters.remove(next);
            }
        });
        return next;
    }

    private Loop loop(String group) {
        Loop loop = loops.get(group);
        if (loop == null) {
            throw new IllegalArgumentException("no consumer " + group);
        }
        return loop;
    }

    public List<Status> statuses() {
        return loops.values().stream().map(Loop::status).toList();
    }

    private final class Loop implements Runnable {
        private final TopicConsumer consumer;
        private final EventApplier applier;
        private volatile boolean stopping;
        private volatile boolean running;
        private volatile KafkaConsumer<String, CloudEvent> kafka;
        private volatile long applied;
        private volatile long duplicates;
        private volatile long gaps;
        private volatile long parked;
        private volatile String lastError;
        /** The next offset to apply per partition, after everything before it was applied and committed. */
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        /** Notified after every batch committed in PostgreSQL, so that a reader waiting for an event wakes at once. */
        private final Object progress = new Object();
        private volatile long batches;
        /** Readers waiting for the next batch (guarded by {@link #progress}). */
        private final java.util.Set<java.util.concurrent.CompletableFuture<Void>> waiters = new java.util.HashSet<>();

        Loop(TopicConsumer consumer) {
            this.consumer = consumer;
            this.applier = EventApplier.live(consumer, dataSource);
        }

        Status status() {
            return new Status(consumer.group(), running, applied, duplicates, gaps, parked, lastError);
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
                    gate.readLock().lock();
                    try {
                        pollOnce(client);
                    } finally {
                        gate.readLock().unlock();
                    }
                }
            } finally {
                kafka = null;
            }
        }

        /** One poll: its records applied in one transaction, then their offsets committed. */
        private void pollOnce(KafkaConsumer<String, CloudEvent> client) {
            ConsumerRecords<String, CloudEvent> records = client.poll(Duration.ofMillis(100));
            if (!records.isEmpty()) {
                List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                EventApplier.Counts counts = applier.applyOrPark(batch);
                // readers see the batch once PostgreSQL has it; the offsets only spare a redelivery
                List<java.util.concurrent.CompletableFuture<Void>> woken;
                synchronized (progress) {
                    batches++;
                    progress.notifyAll();
                    woken = new ArrayList<>(waiters);
                    waiters.clear();
                }
                woken.forEach(waiter -> waiter.complete(null));
                client.commitSync();
                applied += counts.applied();
                duplicates += counts.duplicates();
                gaps += counts.early();
                parked += counts.parked();
                lastError = null;
            }
            for (TopicPartition partition : client.assignment()) {
                positions.put(partition, client.position(partition));
            }
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
