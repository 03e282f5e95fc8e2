package org.tcyledger.eventsourcing.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * The table {@code parked_record} of a service's consumers: records that could not be applied, kept whole with
 * their reason, and the later records of their aggregates that wait behind them.
 */
public final class ParkedRecords {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A parked record as {@code GET /audit/parked} lists it. */
    public record Parked(long id, String consumerGroup, String source, String subject, long sequence, String eventId,
                         String type, String topic, int partition, long offset, boolean waiting, String reason,
                         int attempts, Instant parkedAt) {
    }

    /** A parked record with what it takes to apply it again. */
    record Stored(Parked parked, ConsumerRecord<String, CloudEvent> record, EventEnvelope envelope) {
    }

    private ParkedRecords() {
    }

    /** A record that is not even an envelope: nothing names its aggregate, so nothing waits behind it. */
    static EventEnvelope unreadable(ConsumerRecord<String, CloudEvent> record) {
        return new EventEnvelope(record.topic() + "/" + record.partition() + "/" + record.offset(), "unreadable",
                "unreadable", String.valueOf(record.key()), -1, Instant.EPOCH, null, null, null, null, null, null,
                new byte[0]);
    }

    /** The records of a batch that may be applied, once those of an aggregate with a parked record are parked behind it. */
    record Unblocked(List<ConsumerRecord<String, CloudEvent>> records, List<EventEnvelope> events, long waiting) {
    }

    /** Parks behind its aggregate's parked record every record of the batch that has one ({@code retrying} aside). */
    static Unblocked parkBehind(Connection connection, String group, List<ConsumerRecord<String, CloudEvent>> records,
                                List<EventEnvelope> events, AggregateKey retrying) throws SQLException {
        Set<AggregateKey> blocked = blocked(connection, group);
        if (retrying != null) {
            blocked.remove(retrying);
        }
        if (blocked.isEmpty()) {
            return new Unblocked(records, events, 0);
        }
        List<ConsumerRecord<String, CloudEvent>> keptRecords = new ArrayList<>();
        List<EventEnvelope> keptEvents = new ArrayList<>();
        long waiting = 0;
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            if (blocked.contains(AggregateKey.of(event))) {
                park(connection, group, records.get(i), event, true, "waits behind an earlier parked event of "
                                                                     + event.subject());
                waiting++;
            } else {
                keptRecords.add(records.get(i));
                keptEvents.add(event);
            }
        }
        return new Unblocked(keptRecords, keptEvents, waiting);
    }

    /** The aggregates of {@code group} that have a parked record: their later records wait behind it. */
    static Set<AggregateKey> blocked(Connection connection, String group) throws SQLException {
        Set<AggregateKey> blocked = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT source, subject FROM parked_record WHERE consumer_group = ?")) {
            select.setString(1, group);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    blocked.add(new AggregateKey(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return blocked;
    }

    /** Parks one record; a record parked before (a redelivery) stays as it was. */
    static void park(Connection connection, String group, ConsumerRecord<String, CloudEvent> record,
                     EventEnvelope event, boolean waiting, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parked_record (consumer_group, "
                + "source, subject, sequence, event_id, type, topic, kafka_partition, kafka_offset, waiting, reason, "
                + "envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer_group, event_id) DO NOTHING")) {
            insert.setString(1, group);
            insert.setString(2, printable(event.source()));
            insert.setString(3, printable(event.subject()));
            insert.setLong(4, event.sequence());
            insert.setString(5, printable(event.id()));
            insert.setString(6, printable(event.type()));
            insert.setString(7, record.topic());
            insert.setInt(8, record.partition());
            insert.setLong(9, record.offset());
            insert.setBoolean(10, waiting);
            insert.setString(11, printable(reason));
            insert.setBytes(12, JSON.writeValueAsBytes(event));
            insert.executeUpdate();
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the parked record " + event.id(), e);
        }
    }

    public static List<Parked> list(Connection connection, String group) throws SQLException {
        List<Parked> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT
                + (group == null ? "" : " WHERE consumer_group = ?") + " ORDER BY consumer_group, id")) {
            if (group != null) {
                select.setString(1, group);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(parked(rows));
                }
            }
        }
        return found;
    }

    public static Parked find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? parked(rows) : null;
            }
        }
    }

    /** The parked records of one aggregate in its order, each with its record to apply again. */
    static List<Stored> of(Connection connection, String group, AggregateKey aggregate) throws SQLException {
        List<Stored> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT.replace("parked_at FROM",
                "parked_at, envelope FROM") + " WHERE consumer_group = ? AND source = ? AND subject = ? ORDER BY sequence, id")) {
            select.setString(1, group);
            select.setString(2, aggregate.source());
            select.setString(3, aggregate.subject());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Parked parked = parked(rows);
                    EventEnvelope envelope = JSON.readValue(rows.getBytes(15), EventEnvelope.class);
                    found.add(new Stored(parked, new ConsumerRecord<>(parked.topic(), parked.partition(),
                            parked.offset(), envelope.subject(), envelope.toCloudEvent()), envelope));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parked records of " + aggregate, e);
        }
        return found;
    }

    static void remove(Connection connection, long id) throws SQLException {
        Sql.update(connection, "DELETE FROM parked_record WHERE id = ?", id);
    }

    static void failedAgain(Connection connection, long id, String reason) throws SQLException {
        Sql.update(connection, "UPDATE parked_record SET reason = ?, attempts = attempts + 1, waiting = false "
                               + "WHERE id = ?", printable(reason), id);
    }

    /** What the metric shows: a count, not the rows. */
    static long count(Connection connection, String group) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM parked_record WHERE consumer_group = ?")) {
            select.setString(1, group);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Text columns refuse U+0000, and a reason is for people: control characters are shown, not stored. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 2000));
        for (int i = 0; i < text.length() && shown.length() < 2000; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || Character.isSurrogate(c)) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static final String SELECT = "SELECT id, consumer_group, source, subject, sequence, event_id, type, topic, "
            + "kafka_partition, kafka_offset, waiting, reason, attempts, parked_at FROM parked_record";

    private static Parked parked(ResultSet rows) throws SQLException {
        return new Parked(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9), rows.getLong(10),
                rows.getBoolean(11), rows.getString(12), rows.getInt(13), rows.getTimestamp(14).toInstant());
    }
}
