package org.tcyledger.eventsourcing.consumer;

import io.cloudevents.CloudEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * A consumer group's exactly-once bookkeeping, in the transaction of the batch it belongs to: the events it consumed
 * ({@code consumed_event}), where each aggregate stands ({@code consumed_position}, locked until the batch commits)
 * and the gaps it is waiting to see healed ({@code consumed_gap}).
 */
final class ConsumedEvents {

    /** A gap of one aggregate: the sequence it waits for. */
    record Gap(AggregateKey aggregate, long expected) {
    }

    private final Connection connection;
    private final String group;

    ConsumedEvents(Connection connection, String group) {
        this.connection = connection;
        this.group = group;
    }

    /** Records every event as consumed; returns the ids that were not consumed before. */
    Set<String> insert(List<ConsumerRecord<String, CloudEvent>> records, List<EventEnvelope> events)
            throws SQLException {
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
            insert.setString(1, group);
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

    /** Where each aggregate of the batch stands for this group, locked until the batch commits. */
    Map<AggregateKey, Long> lockPositions(List<EventEnvelope> events) throws SQLException {
        Set<AggregateKey> aggregates = new LinkedHashSet<>();
        events.forEach(event -> aggregates.add(AggregateKey.of(event)));
        Map<AggregateKey, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                // one primary-key probe per aggregate whatever the planner knows of the table (a rebuild's tables
                // are new: without statistics a join was planned as a scan of every position, once per batch)
                "SELECT p.source, p.subject, p.sequence FROM unnest(?::varchar[], ?::varchar[]) AS a(source, subject) "
                + "CROSS JOIN LATERAL (SELECT source, subject, sequence FROM consumed_position "
                + "WHERE consumer_group = ? AND source = a.source AND subject = a.subject FOR UPDATE) p")) {
            select.setArray(1, connection.createArrayOf("varchar",
                    aggregates.stream().map(AggregateKey::source).toArray(String[]::new)));
            select.setArray(2, connection.createArrayOf("varchar",
                    aggregates.stream().map(AggregateKey::subject).toArray(String[]::new)));
            select.setString(3, group);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(new AggregateKey(rows.getString(1), rows.getString(2)), rows.getLong(3));
                }
            }
        }
        return positions;
    }

    /** Gaps of this group not healed yet: almost always none. */
    Set<Gap> openGaps() throws SQLException {
        Set<Gap> gaps = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT source, subject, expected_sequence "
                + "FROM consumed_gap WHERE consumer_group = ? AND healed_at IS NULL")) {
            select.setString(1, group);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    gaps.add(new Gap(new AggregateKey(rows.getString(1), rows.getString(2)), rows.getLong(3)));
                }
            }
        }
        return gaps;
    }

    void recordGap(EventEnvelope early, long expected) throws SQLException {
        Sql.update(connection, "INSERT INTO consumed_gap (source, subject, expected_sequence, received_sequence, "
                               + "event_id, consumer_group) VALUES (?, ?, ?, ?, ?, ?)",
                early.source(), early.subject(), expected, early.sequence(), early.id(), group);
    }

    void healGap(Gap gap) throws SQLException {
        Sql.update(connection, "UPDATE consumed_gap SET healed_at = now() WHERE source = ? AND subject = ? "
                               + "AND healed_at IS NULL AND expected_sequence = ? AND consumer_group = ?",
                gap.aggregate().source(), gap.aggregate().subject(), gap.expected(), group);
    }

    /** An event held back earlier in the batch, delivered again after the events it follows: where it was read now. */
    void movedTo(EventEnvelope event, ConsumerRecord<String, CloudEvent> record) throws SQLException {
        Sql.update(connection, "UPDATE consumed_event SET kafka_partition = ?, kafka_offset = ? "
                               + "WHERE consumer_group = ? AND event_id = ?",
                record.partition(), record.offset(), group, event.id());
    }

    /** Events held back are not consumed: they come again after the ones they follow. */
    void forget(Set<String> heldBack) throws SQLException {
        for (String eventId : heldBack) {
            Sql.update(connection, "DELETE FROM consumed_event WHERE event_id = ? AND consumer_group = ?",
                    eventId, group);
        }
    }

    void savePositions(Map<AggregateKey, Long> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        List<AggregateKey> aggregates = new ArrayList<>(moved.keySet());
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO consumed_position (source, subject, sequence, consumer_group) "
                + "SELECT p.*, ? FROM unnest(?::varchar[], ?::varchar[], ?::bigint[]) AS p "
                + "ON CONFLICT (consumer_group, source, subject) DO UPDATE SET sequence = excluded.sequence")) {
            upsert.setString(1, group);
            upsert.setArray(2, connection.createArrayOf("varchar",
                    aggregates.stream().map(AggregateKey::source).toArray(String[]::new)));
            upsert.setArray(3, connection.createArrayOf("varchar",
                    aggregates.stream().map(AggregateKey::subject).toArray(String[]::new)));
            upsert.setArray(4, connection.createArrayOf("bigint", aggregates.stream().map(moved::get).toArray(Long[]::new)));
            upsert.executeUpdate();
        }
    }
}
