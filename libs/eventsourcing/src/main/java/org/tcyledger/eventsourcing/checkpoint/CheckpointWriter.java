package org.tcyledger.eventsourcing.checkpoint;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.wire.ChainCheckpoint;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.MerkleHeads;
import org.tcyledger.contracts.wire.StreamHead;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.axon.HashChainingStorageEngine;

/**
 * Signs checkpoints of this service's event store (architecture.md "Tamper evidence"): once {@code every} events were
 * stored since the last one, and at least every {@code interval} while events were stored, a
 * {@link ChainCheckpoint} is stored in the stream {@link ChainCheckpoint#SUBJECT}, hash-chained and published like
 * any event. Its heads are read in one statement, so they are the heads of every append committed when it began and
 * of none half-done; writers never wait for it. An append still open then is covered by the next checkpoint (verifiers
 * allow for it: an event transaction is cut after half the gap timeout). One instance writes at a time (an advisory
 * lock); the others skip their turn.
 */
@ApplicationScoped
public class CheckpointWriter {

    /** What one checkpoint cost: its place in the stream, the heads it lists, its stored size and the time taken. */
    public record Written(long sequence, int changed, long events, int bytes, double millis) {
    }

    private static final Logger LOG = Logger.getLogger(CheckpointWriter.class);
    private static final long WRITER_LOCK = 0x7463795f63687074L;
    private static final String ACTOR = "system/checkpoints";

    @Inject
    Instance<WriteModel> writeModel;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CheckpointKey key;
    @Inject
    Instance<EventStore> eventStore;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @ConfigProperty(name = "tcy.checkpoints.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "tcy.checkpoints.every", defaultValue = "1000")
    long every;
    @ConfigProperty(name = "tcy.checkpoints.interval", defaultValue = "PT60S")
    Duration interval;
    @ConfigProperty(name = "tcy.checkpoints.poll", defaultValue = "PT1S")
    Duration poll;
    /** Heads per checkpoint event: more moved heads than this make several checkpoints in one go. */
    @ConfigProperty(name = "tcy.checkpoints.max-heads", defaultValue = "2000")
    int maxHeads;

    private org.tcyledger.eventsourcing.DaemonTimer timer;

    /** After Axon (priority 10): the event store exists. Without a key the service does not start. */
    void onStart(@Observes @Priority(20) StartupEvent startup) {
        if (!writeModel.isResolvable() || !enabled) {
            return;
        }
        key.signer();
        requireUtf8();
        timer = org.tcyledger.eventsourcing.DaemonTimer.every(poll, "checkpoint-writer", this::tick);
    }

    /**
     * {@code COLLATE "C"} orders subjects by their stored bytes; only in a UTF8 database is that the order of their
     * UTF-8 bytes, the Merkle leaves' order. In another encoding a checkpoint whose subjects sort differently would be
     * refused, so the service does not start.
     */
    private void requireUtf8() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_encoding")) {
            row.next();
            if (!"UTF8".equals(row.getString(1))) {
                throw new IllegalStateException("signed checkpoints need the event store in a UTF8 database, not "
                                                + row.getString(1) + " (CREATE DATABASE ... ENCODING 'UTF8')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's encoding", e);
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.close();
        }
    }

    private void tick() {
        try {
            write(false);
        } catch (RuntimeException e) {
            LOG.warnf("no checkpoint this time, the next poll tries again: %s", e.getMessage());
        }
    }

    /**
     * Writes the checkpoints that are due ({@code force}: whenever an event is not covered yet) and says what they
     * cost; empty when none was due or another instance is writing. All of them in one transaction: the last one
     * covers every head that had moved, or none is stored.
     */
    public List<Written> write(boolean force) {
        return QuarkusTransaction.requiringNew().timeout(30).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!writerLock(connection) || !due(connection, force)) {
                    return List.of();
                }
                return checkpoint(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write a checkpoint", e);
            }
        });
    }

    private static boolean writerLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, WRITER_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private boolean due(Connection connection, boolean force) throws SQLException {
        long pending;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(sum(h.sequence_number - coalesce(c.sequence_number, -1)), 0) FROM event_chain_head h "
                + "LEFT JOIN checkpointed_head c USING (aggregate_identifier) WHERE h.aggregate_identifier <> ?")) {
            select.setString(1, ChainCheckpoint.SUBJECT);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                pending = row.getLong(1);
            }
        }
        if (pending == 0) {
            return false;
        }
        if (force || pending >= every) {
            return true;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT time_stamp FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1")) {
            select.setString(1, ChainCheckpoint.SUBJECT);
            try (ResultSet row = select.executeQuery()) {
                String last = row.next() ? row.getString(1) : null;
                return last == null || !Instant.parse(last).plus(interval).isAfter(Instant.now());
            }
        }
    }

    /**
     * The heads that moved since the last checkpoint, {@code maxHeads} per checkpoint, each signing the Merkle root over
     * every head signed so far, streamed from the store in the leaves' order. The writer holds the moved heads and one
     * fetch of rows, not every head of the store; reading them all, once per checkpoint, is still the part of its cost
     * that grows with the streams (and a first checkpoint of a large store reads them once per {@code maxHeads}).
     */
    private List<Written> checkpoint(Connection connection) throws SQLException {
        List<StreamHead> moved = movedHeads(connection);
        List<Written> written = new ArrayList<>();
        for (int from = 0; from < moved.size(); from += maxHeads) {
            long started = System.nanoTime();
            List<StreamHead> changed = moved.subList(from, Math.min(moved.size(), from + maxHeads));
            remember(connection, changed);
            Signed signed = signedHeads(connection);
            StreamHead previous = previousCheckpoint(connection);
            Instant now = HashChainingStorageEngine.storedTime(Instant.now());
            ChainCheckpoint checkpoint = new ChainCheckpoint(writeModel.get().source(), signed.events(), signed.root(),
                    previous.hash(), ChainHash.rfc3339Micros(now), List.copyOf(changed), null).signedWith(key.signer());
            long sequence = previous.sequence() + 1;
            eventStore.get().publish(new GenericDomainEventMessage<>(ChainCheckpoint.EVENT_NAME, ChainCheckpoint.SUBJECT,
                    sequence, new GenericMessage<>(checkpoint, MetaData.with(AxonRuntime.ACTOR, ACTOR)), now));
            Written one = new Written(sequence, changed.size(), checkpoint.events(), storedBytes(connection, sequence),
                    (System.nanoTime() - started) / 1e6);
            metrics.timer("tcy.checkpoint.write").record(Duration.ofNanos((long) (one.millis() * 1e6)));
            metrics.summary("tcy.checkpoint.bytes").record(one.bytes());
            metrics.summary("tcy.checkpoint.heads").record(one.changed());
            written.add(one);
        }
        return written;
    }

    /**
     * The heads of every append committed when this statement began that the last checkpoint does not list, in one
     * statement (so none half-done); the store compares them, only the moved ones reach this JVM.
     */
    private static List<StreamHead> movedHeads(Connection connection) throws SQLException {
        List<StreamHead> moved = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT h.aggregate_identifier, h.sequence_number, h.hash "
                + "FROM event_chain_head h LEFT JOIN checkpointed_head c USING (aggregate_identifier) "
                + "WHERE h.aggregate_identifier <> ? AND c.sequence_number IS DISTINCT FROM h.sequence_number")) {
            select.setString(1, ChainCheckpoint.SUBJECT);
            select.setFetchSize(5000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    moved.add(new StreamHead(row.getString(1), row.getLong(2), row.getString(3)));
                }
            }
        }
        return moved;
    }

    /** The Merkle root over every signed head and the events they count. */
    private record Signed(String root, long events) {
    }

    /**
     * Every head signed so far, this checkpoint's included, read in the order of the subjects' bytes ({@code COLLATE
     * "C"}, the order of MerkleHeads' leaves; the accumulator refuses any other) a fetch at a time.
     */
    private static Signed signedHeads(Connection connection) throws SQLException {
        MerkleHeads.Accumulator root = new MerkleHeads.Accumulator();
        long events = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT aggregate_identifier, sequence_number, hash "
                + "FROM checkpointed_head ORDER BY aggregate_identifier COLLATE \"C\"")) {
            select.setFetchSize(5000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StreamHead head = new StreamHead(row.getString(1), row.getLong(2), row.getString(3));
                    root.add(head);
                    events += head.sequence() + 1;
                }
            }
        }
        return new Signed(root.root(), events);
    }

    private static StreamHead previousCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence_number, hash FROM event_chain_head WHERE aggregate_identifier = ?")) {
            select.setString(1, ChainCheckpoint.SUBJECT);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? new StreamHead(ChainCheckpoint.SUBJECT, row.getLong(1), row.getString(2))
                        : new StreamHead(ChainCheckpoint.SUBJECT, -1, ChainHash.GENESIS);
            }
        }
    }

    private static void remember(Connection connection, List<StreamHead> changed) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO checkpointed_head (aggregate_identifier, sequence_number, hash) "
                + "SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::char(64)[]) "
                + "ON CONFLICT (aggregate_identifier) DO UPDATE SET sequence_number = excluded.sequence_number, "
                + "hash = excluded.hash")) {
            upsert.setArray(1, connection.createArrayOf("varchar",
                    changed.stream().map(StreamHead::subject).toArray()));
            upsert.setArray(2, connection.createArrayOf("bigint",
                    changed.stream().map(StreamHead::sequence).toArray()));
            upsert.setArray(3, connection.createArrayOf("varchar", changed.stream().map(StreamHead::hash).toArray()));
            upsert.executeUpdate();
        }
    }

    private static int storedBytes(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT octet_length(payload) FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, ChainCheckpoint.SUBJECT);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        }
    }
}
