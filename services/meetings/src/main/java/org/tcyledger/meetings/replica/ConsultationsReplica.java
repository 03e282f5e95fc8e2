package org.tcyledger.meetings.replica;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** Meetings' replica of tcy.cloud-evidence.v1: which consultations exist and which issued recommendations. */
@ApplicationScoped
public class ConsultationsReplica implements TopicConsumer {

    public static final String GROUP = "meetings-consultations";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CLOUD_EVIDENCE);
    }

    /** Only the event types matter here, and the subject: no payload is read. */
    @Override
    public void apply(EventEnvelope event, Writes writes) throws SQLException {
        String sql = switch (event.type()) {
            case "tcy.cloud-evidence.ConsultationOpened.v1" ->
                    "INSERT INTO replica_consultation (consultation_id) VALUES (?) ON CONFLICT DO NOTHING";
            case "tcy.cloud-evidence.RecommendationsIssued.v1" ->
                    "UPDATE replica_consultation SET recommendations_issued = true WHERE consultation_id = ?";
            default -> null;
        };
        if (sql != null) {
            writes.update(sql, event.subject());
        }
    }

    /** Empty when the plenary may endorse the consultation's recommendations; otherwise why not. */
    public Optional<String> problemWithEndorsing(String consultationId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT recommendations_issued FROM replica_consultation WHERE consultation_id = ?")) {
            select.setString(1, consultationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.of("No consultation " + consultationId);
                }
                return row.getBoolean(1) ? Optional.empty()
                        : Optional.of("Consultation " + consultationId + " has issued no recommendations");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the consultations replica", e);
        }
    }
}
