package org.tcyledger.projection.rebuild;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.EventApplier;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;

/**
 * Rebuilds every read model of the projection from offset 0 of its topics into fresh tables (a schema of their own,
 * made by the same migrations), while the live tables keep serving. When the rebuilt tables have caught up with the
 * live consumers, the live consumers are held just long enough to bring the rebuilt ones to exactly the same offsets
 * and take a snapshot (REPEATABLE READ); every table is compared row for row in that snapshot while the live
 * consumers go on. Only when all are equal are the rebuilt tables brought up to the live ones again (held) and
 * switched in, in one transaction. Otherwise nothing changes for readers and the report lists the differences.
 */
@ApplicationScoped
public class ReadModelRebuilds {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilds.class);
    private static final Duration STALLED = Duration.ofSeconds(60);

    @Inject
    ConsumerRunner runner;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaSettings settings;
    @Inject
    Flyway flyway;
    @Inject
    Clock clock;
    @Inject
    RebuildReports reports;
    @Inject
    KeptRebuildSchemas kept;
    @ConfigProperty(name = "tcy.rebuild.threads", defaultValue = "2")
    int threads;

    /** Held (a session advisory lock) by the instance whose rebuild runs: one rebuild at a time across instances. */
    private static final long REBUILD_LOCK = 0x7463795f72656275L;

    private final AtomicReference<String> running = new AtomicReference<>();
    /** The connection holding {@link #REBUILD_LOCK} while this instance rebuilds. */
    private Connection rebuildLock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A rebuild cut short by a stop of the service is reported failed, and its half-built tables dropped; not one
     * that another instance is running (it holds the rebuild lock).
     */
    void onStart(@Observes StartupEvent startup) throws SQLException {
        if (!takeRebuildLock()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (String id : reports.idsIn(RebuildReport.RUNNING)) {
                find(id).ifPresent(report -> reports.save(failed(report, "interrupted by a stop of the projection")));
                dropSchema(connection, schemaOf(id));
            }
        } finally {
            releaseRebuildLock();
        }
    }

    public RebuildReport start(String requestedBy) {
        String id = UUID.randomUUID().toString();
        if (!running.compareAndSet(null, id)) {
            throw new RuleViolation("one-rebuild-at-a-time", "rebuild " + running.get() + " is still running");
        }
        RebuildReport report = RebuildReport.requested(id, requestedBy, clock.instant());
        try {
            if (!takeRebuildLock()) {
                throw new RuleViolation("one-rebuild-at-a-time", "another instance of the projection is rebuilding");
            }
            reports.insert(report);
            worker.submit(() -> run(report));
        } catch (RuntimeException e) {
            releaseRebuildLock();
            running.set(null);
            throw e;
        }
        return report;
    }

    private synchronized boolean takeRebuildLock() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, REBUILD_LOCK);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        rebuildLock = connection;
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the rebuild lock", e);
        }
    }

    private synchronized void releaseRebuildLock() {
        if (rebuildLock == null) {
            return;
        }
        try (Connection connection = rebuildLock;
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, REBUILD_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warnf("releasing the rebuild lock failed (%s); closing its connection releases it", e.getMessage());
        } finally {
            rebuildLock = null;
        }
    }

    public Optional<RebuildReport> find(String id) {
        return reports.find(id);
    }

    private void run(RebuildReport requested) {
        String schema = schemaOf(requested.id());
        List<Rebuilt> models = new ArrayList<>();
        try {
            for (ConsumerRunner.Status status : runner.statuses()) {
                if (!status.running()) {
                    throw new IllegalStateException("the live consumer " + status.group() + " is not running: there is "
                                                    + "nothing to compare with");
                }
            }
            createTables(schema);
            for (TopicConsumer consumer : runner.consumers()) {
                models.add(new Rebuilt(consumer, EventApplier.into(schema, consumer, dataSource)));
            }
            long started = System.nanoTime();
            replay(models);
            double applySeconds;
            double compareSeconds;
            List<RebuildReport.Difference> differences;
            try (Connection snapshot = dataSource.getConnection()) {
                snapshot.setAutoCommit(false);
                snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (ConsumerRunner.Hold hold = runner.holdAll()) {
                    catchUp(models);
                    applySeconds = (System.nanoTime() - started) / 1e9;
                    // the snapshot to compare in: live and rebuilt tables at exactly the same offsets
                    try (Statement take = snapshot.createStatement()) {
                        take.execute("SELECT 1");
                    }
                }
                // the live consumers go on while the two copies are compared as they were
                long comparing = System.nanoTime();
                try {
                    differences = TableComparison.compare(snapshot, schema);
                } finally {
                    snapshot.rollback();
                    snapshot.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    snapshot.setAutoCommit(true);
                }
                compareSeconds = (System.nanoTime() - comparing) / 1e9;
            }
            if (differences.isEmpty()) {
                // what the live consumers applied during the compare, applied by the same code, then the switch
                try (ConsumerRunner.Hold hold = runner.holdAll()) {
                    catchUp(models);
                    switchOver(schema);
                }
            } else {
                // kept for inspection, where no consumer (so no erasure) reaches: without the opened personal data
                try (Connection connection = dataSource.getConnection()) {
                    kept.withholdOpenedPersonalData(connection, schema);
                }
            }
            long events = models.stream().mapToLong(model -> model.events).sum();
            Instant finishedAt = clock.instant();
            RebuildReport done = new RebuildReport(requested.id(), RebuildReport.DONE, differences.isEmpty(),
                    differences.isEmpty(), requested.requestedBy(), requested.requestedAt(), finishedAt,
                    differences.isEmpty() ? null : schema, differences.isEmpty() ? null : kept.keptUntil(finishedAt), events,
                    round(applySeconds), Math.round(events / Math.max(applySeconds, 1e-3)), round(compareSeconds),
                    models.stream().map(Rebuilt::report).toList(), differences, null);
            finish(models, requested.id());
            reports.save(done);
            LOG.infof("rebuild %s: equal and switched %s, %d events in %.1f s (%d/s), compared in %.1f s", done.id(), done.switched(),
                    events, applySeconds, done.eventsPerSecond(), compareSeconds);
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed", requested.id());
            try (Connection connection = dataSource.getConnection()) {
                dropSchema(connection, schema);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            finish(models, requested.id());
            reports.save(failed(requested, e.getMessage()));
        } finally {
            finish(models, requested.id());
            // the replays' fetch buffers grew the heap; the serial collector shrinks it only after a full collection
            System.gc();
        }
    }

    /**
     * The rebuild's resources given back, before its final state is saved: whoever reads DONE or FAILED may start the
     * next one at once, here or in another instance. Idempotent.
     */
    private void finish(List<Rebuilt> models, String id) {
        models.forEach(Rebuilt::close);
        models.clear();
        if (running.get() != null && running.get().equals(id)) {
            releaseRebuildLock();
            running.compareAndSet(id, null);
        }
    }

    /**
     * Every read model up to where its live consumer stands, {@code tcy.rebuild.threads} at a time (the largest
     * first): one replays while PostgreSQL writes another's batch.
     */
    private void replay(List<Rebuilt> models) throws Exception {
        List<Rebuilt> largestFirst = new ArrayList<>(models);
        largestFirst.sort(Comparator.comparingInt((Rebuilt model) -> model.consumer.topics().size()).reversed());
        ExecutorService replays = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "read-model-replay");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Rebuilt model : largestFirst) {
                done.add(replays.submit(() -> {
                    model.catchUp();
                    return null;
                }));
            }
            for (Future<?> replayed : done) {
                try {
                    replayed.get();
                } catch (ExecutionException e) {
                    done.forEach(other -> other.cancel(true));
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            replays.shutdownNow();
        }
    }

    /** Every read model to exactly where its live consumer stands (called while the live consumers are held). */
    private static void catchUp(List<Rebuilt> models) {
        models.forEach(Rebuilt::catchUp);
    }

    /** The same migrations as the live tables, into a schema of their own. */
    private void createTables(String schema) {
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true).load().migrate();
    }

    /** One read model replayed from offset 0, never past the offsets it is told to reach. */
    private final class Rebuilt implements AutoCloseable {
        final TopicConsumer consumer;
        final EventApplier applier;
        final KafkaConsumer<String, CloudEvent> client;
        long events;
        long applied;
        long duplicates;
        long gaps;
        Map<TopicPartition, Long> reached = Map.of();

        Rebuilt(TopicConsumer consumer, EventApplier applier) {
            this.consumer = consumer;
            this.applier = applier;
            Map<String, Object> config = settings.consumer(consumer.group());
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + consumer.group());
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            this.client = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.topics().stream()
                    .flatMap(topic -> client.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())))
                    .toList();
            client.assign(partitions);
            client.seekToBeginning(partitions);
        }

        /** Up to where the live consumer of the same group stands now, in every instance (from the database). */
        void catchUp() {
            drainTo(runner.appliedPositions(consumer.group()));
        }

        void drainTo(Map<TopicPartition, Long> target) {
            long lastProgress = System.nanoTime();
            while (!hasReached(target)) {
                List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>();
                Set<TopicPartition> beyond = new HashSet<>();
                for (ConsumerRecord<String, CloudEvent> record : client.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < target.getOrDefault(partition, 0L)) {
                        batch.add(record);
                    } else {
                        beyond.add(partition);
                    }
                }
                for (TopicPartition partition : beyond) {
                    client.seek(partition, target.getOrDefault(partition, 0L));
                }
                if (!batch.isEmpty()) {
                    EventApplier.Counts counts = applier.applyOrPark(batch);
                    events += counts.total();
                    applied += counts.applied();
                    duplicates += counts.duplicates();
                    gaps += counts.early();
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALLED.toNanos()) {
                    throw new IllegalStateException("the rebuild of " + consumer.group() + " read nothing for "
                                                    + STALLED.toSeconds() + " s before reaching " + target);
                }
            }
            reached = target;
        }

        private boolean hasReached(Map<TopicPartition, Long> target) {
            return client.assignment().stream()
                    .allMatch(partition -> client.position(partition) >= target.getOrDefault(partition, 0L));
        }

        RebuildReport.ReadModel report() {
            return new RebuildReport.ReadModel(consumer.group(), consumer.topics(), events, applied, duplicates, gaps,
                    reached.values().stream().mapToLong(Long::longValue).sum());
        }

        @Override
        public void close() {
            client.close(Duration.ofSeconds(5));
        }
    }

    /** The rebuilt tables take the live ones' place in one transaction; the old ones are dropped with it. */
    private void switchOver(String schema) throws SQLException {
        String retired = schema.replace("rebuild_", "retired_");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + retired);
                for (String table : TableComparison.readModelTables(connection, schema)) {
                    statement.execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
                    statement.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
                }
                statement.execute("DROP SCHEMA " + retired + " CASCADE");
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void dropSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String schemaOf(String id) {
        return "rebuild_" + id.replace("-", "").substring(0, 16);
    }

    private RebuildReport failed(RebuildReport report, String error) {
        return new RebuildReport(report.id(), RebuildReport.FAILED, false, false, report.requestedBy(), report.requestedAt(),
                clock.instant(), null, null, report.events(), report.applySeconds(), report.eventsPerSecond(),
                report.compareSeconds(), report.readModels(), report.differences(), error);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
