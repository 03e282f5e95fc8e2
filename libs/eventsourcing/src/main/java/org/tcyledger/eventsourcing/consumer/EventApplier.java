package org.tcyledger.eventsourcing.consumer;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * Applies a poll's records to one {@link TopicConsumer} in one PostgreSQL transaction, each event once: an event id
 * applied before is skipped, and so is a sequence at or below the aggregate's last one; an event that arrives before
 * the events it follows is held back (not applied, not recorded) and the gap recorded until they arrive. The live
 * consumers apply into the service's own tables; a rebuild applies the same records into the tables of another
 * schema.
 * <p>
 * No single record stops a consumer ({@link #applyOrPark}): a poll that keeps failing is applied a record at a time,
 * and a record that fails on its own for a reason that is not the database or the network being away is parked with
 * that reason ({@link ParkedRecords}); the later records of its aggregate are parked behind it, every other aggregate
 * goes on. {@link #retry} applies an aggregate's parked records again, in order.
 */
public final class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What became of the records of one batch. */
    public record Counts(long applied, long duplicates, long early, long parked) {
        static final Counts NONE = new Counts(0, 0, 0, 0);

        public long total() {
            return applied + duplicates + early + parked;
        }

        Counts plus(Counts other) {
            return new Counts(applied + other.applied, duplicates + other.duplicates, early + other.early,
                    parked + other.parked);
        }
    }

    /** What a retry of an aggregate's parked records did. */
    public record Retry(int applied, int stillParked, String reason) {
    }

    /**
     * The advisory lock every live batch takes shared, in its transaction, and a hold of the consumers takes
     * exclusively ({@link ConsumerRunner#holdAll}): so a rebuild in one instance stops the consumers of all.
     */
    public static final long CONSUMERS_LOCK = 0x7463795f636f6e73L;

    /** How often a failing poll is applied again whole before its records are tried one at a time. */
    private static final int BATCH_ATTEMPTS = 3;

    private final TopicConsumer consumer;
    private final AgroalDataSource dataSource;
    private final String schema;
    private final boolean durable;

    private EventApplier(TopicConsumer consumer, AgroalDataSource dataSource, String schema, boolean durable) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.schema = schema;
        this.durable = durable;
    }

    /** Into the service's own tables; each batch is durable when its transaction commits. */
    public static EventApplier live(TopicConsumer consumer, AgroalDataSource dataSource) {
        return new EventApplier(consumer, dataSource, null, true);
    }

    /**
     * Into the tables of {@code schema}, which a crash would leave to be rebuilt again: its commits do not wait for
     * the disk ({@code synchronous_commit = off}; PostgreSQL still never applies half a transaction).
     */
    public static EventApplier into(String schema, TopicConsumer consumer, AgroalDataSource dataSource) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return new EventApplier(consumer, dataSource, schema, false);
    }

    public TopicConsumer consumer() {
        return consumer;
    }

    /** The records in one transaction: all applied, or (the exception) none. */
    public Counts apply(List<ConsumerRecord<String, CloudEvent>> records) {
        if (records.isEmpty()) {
            return Counts.NONE;
        }
        return inTransaction(connection -> applyBatch(connection, records, envelopes(records), null));
    }

    /**
     * The records applied, or those that cannot be parked: a poll that fails {@value #BATCH_ATTEMPTS} times is
     * applied a record at a time, and a record that fails alone for a lasting reason is parked (with it, later
     * records of its aggregate). A failure of the database or the network is thrown, never parked: the consumer
     * resumes from its last committed offset when they are back.
     */
    public Counts applyOrPark(List<ConsumerRecord<String, CloudEvent>> records) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(records);
            } catch (RuntimeException e) {
                if (isTransient(e) || attempt >= BATCH_ATTEMPTS) {
                    if (isTransient(e)) {
                        throw e;
                    }
                    break;
                }
                LOG.warnf("%s: a poll of %d records failed (attempt %d), trying again: %s", consumer.group(),
                        records.size(), attempt, reason(e));
                pause(50L << (2 * attempt));
            }
        }
        Counts counts = Counts.NONE;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            try {
                counts = counts.plus(apply(List.of(record)));
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                EventEnvelope event = envelope(record);
                String reason = reason(e);
                LOG.errorf(e, "%s: parked event %s (%s %s #%d): %s; later events of %s wait behind it",
                        consumer.group(), event == null ? "?" : event.id(), record.topic(), record.key(),
                        event == null ? -1 : event.sequence(), reason, record.key());
                counts = counts.plus(park(record, event, reason));
            }
        }
        return counts;
    }

    /**
     * Applies the parked records of {@code aggregate} again, in order, each in its own transaction; stops at the first
     * that fails again (it stays parked with its new reason, and the rest behind it).
     */
    public Retry retry(ParkedRecords.Aggregate aggregate) {
        int applied = 0;
        while (true) {
            List<ParkedRecords.Stored> parked = inTransaction(c -> ParkedRecords.of(c, consumer.group(), aggregate));
            if (parked.isEmpty()) {
                return new Retry(applied, 0, null);
            }
            for (ParkedRecords.Stored stored : parked) {
                try {
                    inTransaction(connection -> {
                        ParkedRecords.remove(connection, stored.parked().id());
                        Counts counts = applyBatch(connection, List.of(stored.record()), List.of(stored.envelope()),
                                aggregate);
                        if (counts.early() > 0) {
                            // applied out of order it would be held back for a redelivery that never comes
                            throw new IllegalStateException("an earlier event of " + aggregate.subject()
                                                            + " has not been applied yet");
                        }
                        return counts;
                    });
                    applied++;
                } catch (RuntimeException e) {
                    String reason = reason(e);
                    inTransaction(c -> {
                        ParkedRecords.failedAgain(c, stored.parked().id(), reason);
                        return null;
                    });
                    return new Retry(applied, parked.size() - applied, reason);
                }
            }
        }
    }

    private Counts park(ConsumerRecord<String, CloudEvent> record, EventEnvelope event, String reason) {
        if (event == null) {
            // not even an envelope: nothing names its aggregate, so nothing waits behind it
            event = new EventEnvelope(record.topic() + "/" + record.partition() + "/" + record.offset(),
                    "unreadable", "unreadable", String.valueOf(record.key()), -1, java.time.Instant.EPOCH,
                    null, null, null, null, null, null, new byte[0]);
        }
        EventEnvelope parked = event;
        inTransaction(connection -> {
            ParkedRecords.park(connection, consumer.group(), record, parked, false, reason);
            return null;
        });
        return new Counts(0, 0, 0, 1);
    }

    private <T> T inTransaction(SqlWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (schema != null) {
                    try (Statement set = connection.createStatement()) {
                        set.execute("SET LOCAL search_path TO " + schema);
                        set.execute("SET LOCAL synchronous_commit TO " + (durable ? "on" : "off"));
                    }
                } else {
                    try (PreparedStatement shared = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
                        shared.setLong(1, CONSUMERS_LOCK);
                        shared.execute();
                    }
                }
                return work.run(connection);
            }
        });
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    private static List<EventEnvelope> envelopes(List<ConsumerRecord<String, CloudEvent>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        records.forEach(record -> events.add(EventEnvelope.fromCloudEvent(record.value())));
        return events;
    }

    private static EventEnvelope envelope(ConsumerRecord<String, CloudEvent> record) {
        try {
            return EventEnvelope.fromCloudEvent(record.value());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The database or the network away, a lock or a serialisation conflict, a replica behind: it passes. Anything
     * else (a value a column refuses, a rule, a bug) would fail the same way every time.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                    || state.startsWith("58") || state.startsWith("40") || state.equals("55P03")
                    || state.equals("25P03") || state.equals("25P04")) {
                    return true;
                }
            }
            if (cause instanceof java.io.IOException || cause instanceof ReplicaNotCaughtUp
                || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof jakarta.transaction.SystemException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        return root.getClass().getSimpleName() + ": " + message;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The bookkeeping of a whole batch in a few statements (which ids are new, where each aggregate stands, which
     * gaps are open); the events then go to the read model in order, those to apply handed over together. The
     * records of an aggregate with a parked record are parked behind it.
     */
    private Counts applyBatch(Connection connection, List<ConsumerRecord<String, CloudEvent>> allRecords,
                              List<EventEnvelope> allEvents, ParkedRecords.Aggregate retrying) throws SQLException {
        Set<ParkedRecords.Aggregate> blocked = ParkedRecords.blocked(connection, consumer.group());
        if (retrying != null) {
            blocked.remove(retrying);
        }
        List<ConsumerRecord<String, CloudEvent>> records = allRecords;
        List<EventEnvelope> events = allEvents;
        long waiting = 0;
        if (!blocked.isEmpty()) {
            records = new ArrayList<>();
            events = new ArrayList<>();
            for (int i = 0; i < allEvents.size(); i++) {
                EventEnvelope event = allEvents.get(i);
                if (blocked.contains(ParkedRecords.Aggregate.of(event))) {
                    ParkedRecords.park(connection, consumer.group(), allRecords.get(i), event, true,
                            "waits behind an earlier parked event of " + event.subject());
                    waiting++;
                } else {
                    records.add(allRecords.get(i));
                    events.add(event);
                }
            }
            if (events.isEmpty()) {
                return new Counts(0, 0, 0, waiting);
            }
        }
        Set<String> fresh = insertConsumed(connection, records, events);
        Map<String, Long> positions = lockPositions(connection, events);
        Set<String> openGaps = openGaps(connection);
        Map<String, Long> moved = new HashMap<>();
        Set<String> heldBack = new HashSet<>();
        List<EventEnvelope> toApply = new ArrayList<>();
        long duplicates = 0;
        long early = 0;
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            boolean heldBefore = heldBack.remove(event.id());
            if (!heldBefore && !fresh.remove(event.id())) {
                duplicates++;
                continue;
            }
            String aggregate = event.source() + " " + event.subject();
            Long last = positions.get(aggregate);
            long expected = last == null ? 0 : last + 1;
            if (event.sequence() < expected) {
                LOG.warnf("%s: event %s of %s has sequence %d, already applied up to %d; skipped",
                        consumer.group(), event.id(), event.subject(), event.sequence(), expected - 1);
                duplicates++;
            } else if (event.sequence() > expected) {
                // Not applied and not recorded as consumed: the missing events come first when the publisher
                // redelivers them, and this one after them. If they never come, the gap stays reported.
                LOG.errorf("%s: gap in %s %s: expected sequence %d, received %d (event %s); held back",
                        consumer.group(), event.source(), event.subject(), expected, event.sequence(), event.id());
                Sql.update(connection, "INSERT INTO consumed_gap (source, subject, expected_sequence, "
                                       + "received_sequence, event_id, consumer_group) VALUES (?, ?, ?, ?, ?, ?)",
                        event.source(), event.subject(), expected, event.sequence(), event.id(), consumer.group());
                openGaps.add(aggregate + " " + expected);
                heldBack.add(event.id());
                early++;
            } else {
                if (heldBefore) {
                    // held back earlier in this batch and delivered again after the events it follows
                    Sql.update(connection, "UPDATE consumed_event SET kafka_partition = ?, kafka_offset = ? "
                                           + "WHERE consumer_group = ? AND event_id = ?",
                            records.get(i).partition(), records.get(i).offset(), consumer.group(), event.id());
                }
                if (openGaps.remove(aggregate + " " + expected)) {
                    Sql.update(connection, "UPDATE consumed_gap SET healed_at = now() WHERE source = ? AND subject = ? "
                                           + "AND healed_at IS NULL AND expected_sequence = ? AND consumer_group = ?",
                            event.source(), event.subject(), expected, consumer.group());
                }
                positions.put(aggregate, event.sequence());
                moved.put(aggregate, event.sequence());
                toApply.add(event);
            }
        }
        consumer.applyAll(toApply, connection);
        forget(connection, heldBack);
        savePositions(connection, moved);
        return new Counts(toApply.size(), duplicates, early, waiting);
    }

    /** Records every event as consumed; returns the ids that were not consumed before. */
    private Set<String> insertConsumed(Connection connection, List<ConsumerRecord<String, CloudEvent>> records,
                                       List<EventEnvelope> events) throws SQLException {
        int size = events.size();
        String[] ids = new String[size];
        String[] sources = new String[size];
        String[] subjects = new String[size];
        Long[] sequences = new Long[size];
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        for (int i = 0; i < size; i++) {
            EventEnvelope event = events.get(i);
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            ids[i] = event.id();
            sources[i] = event.source();
            subjects[i] = event.subject();
            sequences[i] = event.sequence();
            topics[i] = record.topic();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
        }
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO consumed_event (event_id, source, subject, sequence, topic, kafka_partition, kafka_offset, "
                + "consumer_group) SELECT e.*, ? FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], "
                + "?::varchar[], ?::int[], ?::bigint[]) AS e ON CONFLICT (consumer_group, event_id) DO NOTHING "
                + "RETURNING event_id")) {
            insert.setString(1, consumer.group());
            insert.setArray(2, connection.createArrayOf("varchar", ids));
            insert.setArray(3, connection.createArrayOf("varchar", sources));
            insert.setArray(4, connection.createArrayOf("varchar", subjects));
            insert.setArray(5, connection.createArrayOf("bigint", sequences));
            insert.setArray(6, connection.createArrayOf("varchar", topics));
            insert.setArray(7, connection.createArrayOf("int4", partitions));
            insert.setArray(8, connection.createArrayOf("bigint", offsets));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Where each aggregate of the batch stands for this consumer, locked until the batch commits. */
    private Map<String, Long> lockPositions(Connection connection, List<EventEnvelope> events) throws SQLException {
        Map<String, String[]> aggregates = new LinkedHashMap<>();
        events.forEach(event -> aggregates.putIfAbsent(event.source() + " " + event.subject(),
                new String[] {event.source(), event.subject()}));
        String[] sources = aggregates.values().stream().map(pair -> pair[0]).toArray(String[]::new);
        String[] subjects = aggregates.values().stream().map(pair -> pair[1]).toArray(String[]::new);
        Map<String, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                // one primary-key probe per aggregate whatever the planner knows of the table (a rebuild's tables
                // are new: without statistics a join was planned as a scan of every position, once per batch)
                "SELECT p.source, p.subject, p.sequence FROM unnest(?::varchar[], ?::varchar[]) AS a(source, subject) "
                + "CROSS JOIN LATERAL (SELECT source, subject, sequence FROM consumed_position "
                + "WHERE consumer_group = ? AND source = a.source AND subject = a.subject FOR UPDATE) p")) {
            select.setArray(1, connection.createArrayOf("varchar", sources));
            select.setArray(2, connection.createArrayOf("varchar", subjects));
            select.setString(3, consumer.group());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3));
                }
            }
        }
        return positions;
    }

    /** Gaps of this consumer not healed yet, as "source subject expectedSequence": almost always none. */
    private Set<String> openGaps(Connection connection) throws SQLException {
        Set<String> gaps = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT source, subject, expected_sequence "
                + "FROM consumed_gap WHERE consumer_group = ? AND healed_at IS NULL")) {
            select.setString(1, consumer.group());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    gaps.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3));
                }
            }
        }
        return gaps;
    }

    private void forget(Connection connection, Set<String> heldBack) throws SQLException {
        for (String eventId : heldBack) {
            Sql.update(connection, "DELETE FROM consumed_event WHERE event_id = ? AND consumer_group = ?",
                    eventId, consumer.group());
        }
    }

    private void savePositions(Connection connection, Map<String, Long> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        String[] sources = new String[moved.size()];
        String[] subjects = new String[moved.size()];
        Long[] sequences = new Long[moved.size()];
        int i = 0;
        for (Map.Entry<String, Long> entry : moved.entrySet()) {
            int space = entry.getKey().indexOf(' ');
            sources[i] = entry.getKey().substring(0, space);
            subjects[i] = entry.getKey().substring(space + 1);
            sequences[i] = entry.getValue();
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO consumed_position (source, subject, sequence, consumer_group) "
                + "SELECT p.*, ? FROM unnest(?::varchar[], ?::varchar[], ?::bigint[]) AS p "
                + "ON CONFLICT (consumer_group, source, subject) DO UPDATE SET sequence = excluded.sequence")) {
            upsert.setString(1, consumer.group());
            upsert.setArray(2, connection.createArrayOf("varchar", sources));
            upsert.setArray(3, connection.createArrayOf("varchar", subjects));
            upsert.setArray(4, connection.createArrayOf("bigint", sequences));
            upsert.executeUpdate();
        }
    }
}
