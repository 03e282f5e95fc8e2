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
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventDecoder;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** Meetings' replica of tcy.assessments.v1: which cycles and draft versions exist, and which were adopted. */
@ApplicationScoped
public class AssessmentsReplica implements TopicConsumer {

    public static final String GROUP = "meetings-assessments";
    private static final EventDecoder EVENTS = new EventDecoder(AssessmentEvent.class);

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.ASSESSMENTS);
    }

    @Override
    public void apply(EventEnvelope envelope, Writes writes) throws SQLException {
        var decoded = EVENTS.decode(envelope);
        if (decoded.isEmpty()) {
            return;
        }
        Object event = decoded.get();
        switch (event) {
            case AssessmentEvent.AssessmentCycleLaunched launched -> writes.update(
                    "INSERT INTO replica_cycle (cycle_id, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    launched.cycleId(), launched.title());
            case AssessmentEvent.DraftReportSubmitted draft -> writes.update(
                    "INSERT INTO replica_cycle_draft (cycle_id, version) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    draft.cycleId(), draft.version());
            case AssessmentEvent.AssessmentReportAdopted adopted -> writes.update(
                    "UPDATE replica_cycle_draft SET adopted = true WHERE cycle_id = ? AND version = ?",
                    adopted.cycleId(), adopted.version());
            default -> {
            }
        }
    }

    /** Empty when a decision may adopt this version; otherwise why not. */
    public Optional<String> problemWithAdopting(String cycleId, int version) {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, "SELECT 1 FROM replica_cycle WHERE cycle_id = ?", cycleId)) {
                return Optional.of("No assessment cycle " + cycleId);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, adopted FROM replica_cycle_draft WHERE cycle_id = ?")) {
                select.setString(1, cycleId);
                boolean found = false;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getBoolean(2)) {
                            return Optional.of("The report of " + cycleId + " was adopted already (version "
                                               + rows.getInt(1) + ")");
                        }
                        found |= rows.getInt(1) == version;
                    }
                }
                return found ? Optional.empty() : Optional.of(cycleId + " has no draft version " + version);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessments replica", e);
        }
    }

    private static boolean exists(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
