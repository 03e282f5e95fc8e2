package org.tcyledger.eventsourcing.consumer;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
                if (Failures.isTransient(e)) {
                    throw e;
                }
                if (attempt >= BATCH_ATTEMPTS) {
                    break;
                }
                LOG.warnf("%s: a poll of %d records failed (attempt %d), trying again: %s", consumer.group(),
                        records.size(), attempt, Failures.reason(e));
                pause(50L << (2 * attempt));
            }
        }
        Counts counts = Counts.NONE;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            try {
                counts = counts.plus(apply(List.of(record)));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                EventEnvelope event = envelope(record);
                String reason = Failures.reason(e);
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
    public Retry retry(AggregateKey aggregate) {
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
                    String reason = Failures.reason(e);
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
        EventEnvelope parked = event == null ? ParkedRecords.unreadable(record) : event;
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

    private interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    private static List<EventEnvelope> envelopes(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(record -> EventEnvelope.fromCloudEvent(record.value())).toList();
    }

    private static EventEnvelope envelope(ConsumerRecord<String, CloudEvent> record) {
        try {
            return EventEnvelope.fromCloudEvent(record.value());
        } catch (RuntimeException unreadable) {
            return null;
        }
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
                              List<EventEnvelope> allEvents, AggregateKey retrying) throws SQLException {
        ParkedRecords.Unblocked unblocked = ParkedRecords.parkBehind(connection, consumer.group(), allRecords, allEvents,
                retrying);
        List<ConsumerRecord<String, CloudEvent>> records = unblocked.records();
        List<EventEnvelope> events = unblocked.events();
        long waiting = unblocked.waiting();
        if (events.isEmpty()) {
            return new Counts(0, 0, 0, waiting);
        }
        ConsumedEvents book = new ConsumedEvents(connection, consumer.group());
        Set<String> fresh = book.insert(records, events);
        Map<AggregateKey, Long> positions = book.lockPositions(events);
        Set<ConsumedEvents.Gap> openGaps = book.openGaps();
        Map<AggregateKey, Long> moved = new HashMap<>();
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
            AggregateKey aggregate = AggregateKey.of(event);
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
                book.recordGap(event, expected);
                openGaps.add(new ConsumedEvents.Gap(aggregate, expected));
                heldBack.add(event.id());
                early++;
            } else {
                if (heldBefore) {
                    book.movedTo(event, records.get(i));
                }
                ConsumedEvents.Gap gap = new ConsumedEvents.Gap(aggregate, expected);
                if (openGaps.remove(gap)) {
                    book.healGap(gap);
                }
                positions.put(aggregate, event.sequence());
                moved.put(aggregate, event.sequence());
                toApply.add(event);
            }
        }
        consumer.applyAll(toApply, connection);
        book.forget(heldBack);
        book.savePositions(moved);
        return new Counts(toApply.size(), duplicates, early, waiting);
    }
}
