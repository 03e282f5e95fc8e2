package org.tcyledger.projection.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** Every event of every context, once, in the order the projection consumed them, exactly as it travelled. */
@ApplicationScoped
public class AuditLog implements TopicConsumer {

    @Override
    public String group() {
        return "projection-audit";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MEMBERSHIP, Topics.MEETINGS, Topics.ASSESSMENTS, Topics.CLOUD_EVIDENCE);
    }

    @Override
    public void apply(EventEnvelope event, Writes writes) throws SQLException {
        writes.update("INSERT INTO audit_event (event_id, source, type, subject, sequence, time, actor, "
                           + "correlation_id, causation_id, prevhash, hash, data, topic) "
                           + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.id(), event.source(), event.type(), event.subject(), event.sequence(), event.time(),
                event.actor(), event.correlationId(), event.causationId(), event.prevhash(), event.hash(),
                event.data(), topicOf(event.source()));
    }

    /** A batch in one statement: the log is the read model that sees every event of every topic. */
    @Override
    public void applyAll(List<EventEnvelope> events, Connection connection) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        int size = events.size();
        String[] ids = new String[size];
        String[] sources = new String[size];
        String[] types = new String[size];
        String[] subjects = new String[size];
        Long[] sequences = new Long[size];
        java.sql.Timestamp[] times = new java.sql.Timestamp[size];
        String[] actors = new String[size];
        String[] correlations = new String[size];
        String[] causations = new String[size];
        String[] prevhashes = new String[size];
        String[] hashes = new String[size];
        byte[][] data = new byte[size][];
        String[] topics = new String[size];
        for (int i = 0; i < size; i++) {
            EventEnvelope event = events.get(i);
            ids[i] = event.id();
            sources[i] = event.source();
            types[i] = event.type();
            subjects[i] = event.subject();
            sequences[i] = event.sequence();
            times[i] = java.sql.Timestamp.from(event.time());
            actors[i] = event.actor();
            correlations[i] = event.correlationId();
            causations[i] = event.causationId();
            prevhashes[i] = event.prevhash();
            hashes[i] = event.hash();
            data[i] = event.data();
            topics[i] = topicOf(event.source());
        }
        try (java.sql.PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_event (event_id, source, type, subject, sequence, time, actor, correlation_id, "
                + "causation_id, prevhash, hash, data, topic) SELECT event_id, source, type, subject, sequence, time, actor, "
                + "correlation_id, causation_id, prevhash, hash, data, topic FROM unnest(?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::char(64)[], ?::char(64)[], ?::bytea[], ?::varchar[]) WITH ORDINALITY AS e(event_id, source, type, "
                + "subject, sequence, time, actor, correlation_id, causation_id, prevhash, hash, data, topic, n) "
                + "ORDER BY n ON CONFLICT (event_id) DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("varchar", ids));
            insert.setArray(2, connection.createArrayOf("varchar", sources));
            insert.setArray(3, connection.createArrayOf("varchar", types));
            insert.setArray(4, connection.createArrayOf("varchar", subjects));
            insert.setArray(5, connection.createArrayOf("bigint", sequences));
            insert.setArray(6, connection.createArrayOf("timestamptz", times));
            insert.setArray(7, connection.createArrayOf("varchar", actors));
            insert.setArray(8, connection.createArrayOf("varchar", correlations));
            insert.setArray(9, connection.createArrayOf("varchar", causations));
            insert.setArray(10, connection.createArrayOf("varchar", prevhashes));
            insert.setArray(11, connection.createArrayOf("varchar", hashes));
            insert.setArray(12, connection.createArrayOf("bytea", data));
            insert.setArray(13, connection.createArrayOf("varchar", topics));
            insert.executeUpdate();
        }
    }

    private static String topicOf(String source) {
        return switch (source) {
            case "/tcy/membership" -> Topics.MEMBERSHIP;
            case "/tcy/meetings" -> Topics.MEETINGS;
            case "/tcy/assessments" -> Topics.ASSESSMENTS;
            case "/tcy/cloud-evidence" -> Topics.CLOUD_EVIDENCE;
            default -> "unknown";
        };
    }
}
