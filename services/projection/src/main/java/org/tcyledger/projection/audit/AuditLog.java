package org.tcyledger.projection.audit;

import static org.tcyledger.eventsourcing.consumer.Sql.update;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;

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
    public void apply(EventEnvelope event, Connection connection) throws SQLException {
        update(connection, "INSERT INTO audit_event (event_id, source, type, subject, sequence, time, actor, "
                           + "correlation_id, causation_id, prevhash, hash, data, topic) "
                           + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.id(), event.source(), event.type(), event.subject(), event.sequence(), event.time(),
                event.actor(), event.correlationId(), event.causationId(), event.prevhash(), event.hash(),
                event.data(), topicOf(event.source()));
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
