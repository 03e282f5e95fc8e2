package org.tcyledger.projection.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.projection.audit.AuditResource.Verification;

/**
 * The projection's copy of every source's record (the audit log) verified as the sources' own verifiers verify
 * theirs: each aggregate's chain and sequence, each source's signed checkpoints, and the events held back by a gap.
 */
@ApplicationScoped
public class LogVerification {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog auditLog;
    @Inject
    SourceCheckpointKeys checkpointKeys;
    @Inject
    ConsumerRunner consumers;

    public Verification verify() {
        // a checkpoint may be logged before the events it covers (they travel on other partitions): read the log once it
        // has what the topics held now
        boolean caughtUp = true;
        try {
            consumers.awaitCaughtUp(auditLog.group(), java.time.Duration.ofSeconds(10));
        } catch (org.tcyledger.eventsourcing.consumer.ReplicaNotCaughtUp e) {
            caughtUp = false;
        }
        CheckpointKeys keys = checkpointKeys.load();
        List<SourceAudit.Report> sources = new ArrayList<>();
        List<ChainVerifier.Break> breaks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT event_id, source, type, subject, sequence, time, actor, prevhash, hash, data "
                     + "FROM audit_event ORDER BY source, subject, sequence")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            try (ResultSet row = select.executeQuery()) {
                SourceAudit audit = null;
                while (row.next()) {
                    String source = row.getString(2);
                    if (audit == null || !audit.source().equals(source)) {
                        if (audit != null) {
                            sources.add(audit.finish());
                        }
                        audit = new SourceAudit(source, keys, checkpointKeys.grace());
                    }
                    audit.add(new EventEnvelope(row.getString(1), source, row.getString(3), row.getString(4),
                            row.getLong(5), row.getTimestamp(6).toInstant(), row.getString(7), null, null,
                            row.getString(8), row.getString(9), null, row.getBytes(10)));
                }
                if (audit != null) {
                    sources.add(audit.finish());
                }
            }
            connection.commit();
            sources.forEach(report -> breaks.addAll(report.breaks()));
            breaks.addAll(heldBack(connection, breaks));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log", e);
        }
        return new Verification(breaks.isEmpty(), sources.stream().mapToLong(SourceAudit.Report::streams).sum(),
                sources.stream().mapToLong(SourceAudit.Report::events).sum(), breaks, sources, caughtUp);
    }


    /**
     * An event that arrived before the ones it follows is held back, not logged: the log alone would look continuous.
     * Each such unhealed gap is a break of its aggregate (unless a break was found there already).
     */
    private List<ChainVerifier.Break> heldBack(Connection connection, List<ChainVerifier.Break> found) throws SQLException {
        List<ChainVerifier.Break> gaps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT ON (source, subject) subject, expected_sequence, received_sequence, event_id "
                + "FROM consumed_gap WHERE consumer_group = ? AND healed_at IS NULL "
                + "ORDER BY source, subject, expected_sequence")) {
            select.setString(1, auditLog.group());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String subject = row.getString(1);
                    if (found.stream().noneMatch(earlier -> earlier.subject().equals(subject))) {
                        gaps.add(new ChainVerifier.Break(subject, row.getLong(2), row.getString(4),
                                "sequence gap: expected " + row.getLong(2) + ", received " + row.getLong(3)
                                + "; the later event is held back until the missing ones arrive"));
                    }
                }
            }
        }
        return gaps;
    }
}
