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
    /** How long after a poll's first record a consumer gathers more into the same transaction. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tcy.consumer.gather-ms", defaultValue = "10")
    long gatherMs;
    /** How often at most a consumer commits its offsets while records keep coming (at once when they stop). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tcy.consumer.commit-interval-ms", defaultValue = "200")
    long commitIntervalMs;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private final Map<String, ConsumerLoop> loops = new ConcurrentHashMap<>();
    /** The consumers' threads, which a stop waits for: each commits what it applied and leaves its group. */
    private final List<Thread> threads = new ArrayList<>();
    /** How long a stop waits for the consumers to commit and leave their groups, all together. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private final CatchUp catchUp = new CatchUp(() -> settings.admin());
    /** Consumers pass it for each poll; {@link #holdAll()} closes it. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    /** While held, no consumer of this service applies anything: their positions stay where they are. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    void onStart(@Observes StartupEvent startup) {
        List<String> allTopics = new ArrayList<>();
        consumers.forEach(consumer -> allTopics.addAll(consumer.topics()));
        EnsuredTopics topics = new EnsuredTopics(settings, allTopics);
        for (TopicConsumer consumer : consumers) {
            ConsumerLoop loop = new ConsumerLoop(consumer, EventApplier.live(consumer, dataSource), settings, topics, gate,
                    Duration.ofMillis(gatherMs), Duration.ofMillis(commitIntervalMs));
            loops.put(consumer.group(), loop);
            Thread thread = new Thread(loop, "consumer-" + consumer.group());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
            io.micrometer.core.instrument.Gauge.builder("tcy.consumer.parked", this, runner -> runner.parkedOf(consumer.group()))
                    .tag("group", consumer.group()).description("records parked by this consumer, waiting ones included")
                    .register(metrics);
            io.micrometer.core.instrument.FunctionCounter.builder("tcy.consumer.applied", loop, ConsumerLoop::applied)
                    .tag("group", consumer.group()).register(metrics);
        }
    }

    /**
     * Stops every consumer and waits for its thread: each commits the offsets of what it applied and closes its Kafka
     * client, which leaves its group. Without the wait the JVM exited first, and the broker kept the gone consumer as
     * a member until its session timed out (45 s): its partitions went to no other instance meanwhile, and deleting
     * the group failed with "the group is not empty". First of the service's shutdown observers: a consumer's batch
     * may send commands through Axon (a plenary's decisions), which stops after it.
     */
    void onStop(@Observes @jakarta.annotation.Priority(1) ShutdownEvent shutdown) {
        loops.values().forEach(ConsumerLoop::stop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop within %s; its group keeps it until its session times out",
                        thread.getName(), STOP_GRACE);
            }
        }
        catchUp.close();
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
        ConsumerLoop loop = loop(parked.consumerGroup());
        // this instance's consumers only: the retry's own transactions take the shared side of the consumers' lock
        gate.writeLock().lock();
        try {
            return new RetryOf(parked,
                    loop.applier().retry(new AggregateKey(parked.source(), parked.subject())));
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
        catchUp.await(loop(group), timeout);
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
        return loops.values().stream().map(ConsumerLoop::consumer).toList();
    }

    /** Where {@code group} stands: the next offset to apply per partition, everything before it applied. */
    public Map<TopicPartition, Long> positions(String group) {
        return loop(group).positions();
    }

    /** How many batches the consumer {@code group} has committed since the service started. */
    public long batches(String group) {
        return loop(group).batches();
    }

    /**
     * Completes once the consumer {@code group} has committed more than {@code seen} batches (see {@link #batches}):
     * a reader that checked after {@code seen} looks again then, without a thread waiting for it.
     */
    public java.util.concurrent.CompletableFuture<Void> batchAfter(String group, long seen) {
        return loop(group).batchAfter(seen);
    }

    private ConsumerLoop loop(String group) {
        ConsumerLoop loop = loops.get(group);
        if (loop == null) {
            throw new IllegalArgumentException("no consumer " + group);
        }
        return loop;
    }

    public List<Status> statuses() {
        return loops.values().stream().map(ConsumerLoop::status).toList();
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

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
