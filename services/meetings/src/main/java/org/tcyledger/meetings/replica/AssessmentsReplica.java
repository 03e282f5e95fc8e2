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

/**
 * Meetings' replica of tcy.assessments.v1: which cycles, supplementary reports and draft versions exist, and which
 * were adopted.
 */
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
            case AssessmentEvent.SupplementOpened opened -> writes.update(
                    "INSERT INTO replica_supplement (cycle_id, supplement_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    opened.cycleId(), opened.supplementId());
            case AssessmentEvent.SupplementDraftSubmitted draft -> writes.update(
                    "INSERT INTO replica_supplement_draft (cycle_id, supplement_id, version) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", draft.cycleId(), draft.supplementId(), draft.version());
            case AssessmentEvent.SupplementAdopted adopted -> writes.update(
                    "UPDATE replica_supplement_draft SET adopted = true WHERE cycle_id = ? AND supplement_id = ? "
                    + "AND version = ?", adopted.cycleId(), adopted.supplementId(), adopted.version());
            default -> {
            }
        }
    }

    /**
     * Empty when a decision may adopt this version; otherwise why not. The subject is a cycle, or a supplementary
     * report of one as {@code {cycleId}/{supplementId}}: a draft of that version exists, and none of the report (or
     * supplement) was adopted yet.
     */
    public Optional<String> problemWithAdopting(String subject, int version) {
        int slash = subject.indexOf('/');
        String cycleId = slash < 0 ? subject : subject.substring(0, slash);
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, "SELECT 1 FROM replica_cycle WHERE cycle_id = ?", cycleId)) {
                return Optional.of("No assessment cycle " + cycleId);
            }
            if (slash < 0) {
                return problemWithDraft(connection, "SELECT version, adopted FROM replica_cycle_draft WHERE cycle_id = ?",
                        List.of(cycleId), "The report of " + cycleId, version);
            }
            String supplementId = subject.substring(slash + 1);
            if (!exists(connection, "SELECT 1 FROM replica_supplement WHERE cycle_id = ? AND supplement_id = ?",
                    cycleId, supplementId)) {
                return Optional.of("No supplement " + supplementId + " of the assessment cycle " + cycleId);
            }
            return problemWithDraft(connection, "SELECT version, adopted FROM replica_supplement_draft "
                                                + "WHERE cycle_id = ? AND supplement_id = ?",
                    List.of(cycleId, supplementId), "The supplement " + supplementId + " of " + cycleId, version);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the assessments replica", e);
        }
    }

    /** Of the draft versions the query finds: is this one there, and none adopted? */
    private static Optional<String> problemWithDraft(Connection connection, String sql, List<String> keys, String report,
                                                     int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            boolean found = false;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(2)) {
                        return Optional.of(report + " was adopted already (version " + rows.getInt(1) + ")");
                    }
                    found |= rows.getInt(1) == version;
                }
            }
            return found ? Optional.empty() : Optional.of(report + " has no draft version " + version);
        }
    }

    private static boolean exists(Connection connection, String sql, String... keys) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                select.setString(i + 1, keys[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
