package org.tcyledger.projection.rebuild;

import io.agroal.api.AgroalDataSource;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.IdleHeap;
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

    @Inject
    ConsumerRunner runner;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KafkaSettings settings;
    @Inject
    RebuildSchemas schemas;
    @Inject
    Clock clock;
    @Inject
    RebuildReports reports;
    @Inject
    KeptRebuildSchemas kept;
    @Inject
    IdleHeap idleHeap;
    @ConfigProperty(name = "tcy.rebuild.threads", defaultValue = "2")
    int threads;

    /** Held (a session advisory lock) by the instance whose rebuild runs: one rebuild at a time across instances. */
    private static final long REBUILD_LOCK = 0x7463795f72656275L;

    private final AtomicReference<String> running = new AtomicReference<>();
    /** The read models of the rebuild this instance runs, while it replays them: how far it is. */
    private final Map<String, List<ReadModelReplay>> replaying = new ConcurrentHashMap<>();
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
                RebuildSchemas.dropSchema(connection, schemaOf(id));
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

    /** The rebuild's report; while it runs here, with how far it has read. */
    public Optional<RebuildReport> find(String id) {
        return reports.find(id).map(this::withProgress);
    }

    /** The latest {@code limit} rebuilds, the most recent first; a running one with how far it has read. */
    public List<RebuildReport> latest(int limit) {
        return reports.latest(limit).stream().map(this::withProgress).toList();
    }

    private RebuildReport withProgress(RebuildReport report) {
        List<ReadModelReplay> models = replaying.get(report.id());
        if (!RebuildReport.RUNNING.equals(report.state()) || models == null) {
            return report;
        }
        return report.progressing(models.stream().map(ReadModelReplay::progress).toList());
    }

    private void run(RebuildReport requested) {
        String schema = schemaOf(requested.id());
        List<ReadModelReplay> models = new ArrayList<>();
        try {
            for (ConsumerRunner.Status status : runner.statuses()) {
                if (!status.running()) {
                    throw new IllegalStateException("the live consumer " + status.group() + " is not running: there is "
                                                    + "nothing to compare with");
                }
            }
            schemas.createTables(schema);
            for (TopicConsumer consumer : runner.consumers()) {
                models.add(new ReadModelReplay(consumer, EventApplier.into(schema, consumer, dataSource), settings, runner));
            }
            replaying.put(requested.id(), List.copyOf(models));
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
                    schemas.switchOver(schema);
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
                    models.stream().map(ReadModelReplay::report).toList(), differences, null);
            finish(models, requested.id());
            reports.save(done);
            LOG.infof("rebuild %s: equal and switched %s, %d events in %.1f s (%d/s), compared in %.1f s", done.id(), done.switched(),
                    events, applySeconds, done.eventsPerSecond(), compareSeconds);
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed", requested.id());
            try (Connection connection = dataSource.getConnection()) {
                RebuildSchemas.dropSchema(connection, schema);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            finish(models, requested.id());
            reports.save(failed(requested, e.getMessage()));
        } finally {
            finish(models, requested.id());
            // the replays' fetch buffers grew the heap; the serial collector shrinks it only after a full collection
            idleHeap.giveBack("rebuild " + requested.id());
        }
    }

    /**
     * The rebuild's resources given back, before its final state is saved: whoever reads DONE or FAILED may start the
     * next one at once, here or in another instance. Idempotent.
     */
    private void finish(List<ReadModelReplay> models, String id) {
        replaying.remove(id);
        models.forEach(ReadModelReplay::close);
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
    private void replay(List<ReadModelReplay> models) throws Exception {
        List<ReadModelReplay> largestFirst = new ArrayList<>(models);
        largestFirst.sort(Comparator.comparingInt((ReadModelReplay model) -> model.consumer.topics().size()).reversed());
        ExecutorService replays = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "read-model-replay");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ReadModelReplay model : largestFirst) {
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
    private static void catchUp(List<ReadModelReplay> models) {
        models.forEach(ReadModelReplay::catchUp);
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
