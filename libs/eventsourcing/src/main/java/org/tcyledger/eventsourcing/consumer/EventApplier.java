package org.tcyledger.eventsourcing.consumer;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
 */
public final class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** What became of the records of one batch. */
    public record Counts(long applied, long duplicates, long early) {
        public long total() {
            return applied + duplicates + early;
        }
    }

    private enum Arrival { IN_ORDER, DUPLICATE, EARLY }

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

    public Counts apply(List<ConsumerRecord<String, CloudEvent>> records) {
        if (records.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            long applied = 0;
            long duplicates = 0;
            long early = 0;
            try (Connection connection = dataSource.getConnection()) {
                if (schema != null) {
                    try (Statement set = connection.createStatement()) {
                        set.execute("SET LOCAL search_path TO " + schema);
                        set.execute("SET LOCAL synchronous_commit TO " + (durable ? "on" : "off"));
                    }
                }
                for (ConsumerRecord<String, CloudEvent> record : records) {
                    EventEnvelope event = EventEnvelope.fromCloudEvent(record.value());
                    switch (recordConsumed(connection, event, record)) {
                        case IN_ORDER -> {
                            consumer.apply(event, connection);
                            applied++;
                        }
                        case DUPLICATE -> duplicates++;
                        case EARLY -> early++;
                    }
                }
            }
            return new Counts(applied, duplicates, early);
        });
    }

    /** Whether to apply the event: not if applied before (by id or sequence), nor before the events it follows. */
    private Arrival recordConsumed(Connection connection, EventEnvelope event,
                                   ConsumerRecord<String, CloudEvent> record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO consumed_event (event_id, source, subject, sequence, topic, kafka_partition, kafka_offset, "
                + "consumer_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer_group, event_id) DO NOTHING")) {
            insert.setString(1, event.id());
            insert.setString(2, event.source());
            insert.setString(3, event.subject());
            insert.setLong(4, event.sequence());
            insert.setString(5, record.topic());
            insert.setInt(6, record.partition());
            insert.setLong(7, record.offset());
            insert.setString(8, consumer.group());
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
            Sql.update(connection, "INSERT INTO consumed_gap (source, subject, expected_sequence, received_sequence, "
                                   + "event_id, consumer_group) VALUES (?, ?, ?, ?, ?, ?)",
                    event.source(), event.subject(), expected, event.sequence(), event.id(), consumer.group());
            Sql.update(connection, "DELETE FROM consumed_event WHERE event_id = ? AND consumer_group = ?",
                    event.id(), consumer.group());
            return Arrival.EARLY;
        }
        Sql.update(connection, "UPDATE consumed_gap SET healed_at = now() WHERE source = ? AND subject = ? "
                               + "AND healed_at IS NULL AND expected_sequence = ? AND consumer_group = ?",
                event.source(), event.subject(), event.sequence(), consumer.group());
        Sql.update(connection, "INSERT INTO consumed_position (source, subject, sequence, consumer_group) "
                               + "VALUES (?, ?, ?, ?) ON CONFLICT (consumer_group, source, subject) "
                               + "DO UPDATE SET sequence = excluded.sequence",
                event.source(), event.subject(), event.sequence(), consumer.group());
        return Arrival.IN_ORDER;
    }
}
