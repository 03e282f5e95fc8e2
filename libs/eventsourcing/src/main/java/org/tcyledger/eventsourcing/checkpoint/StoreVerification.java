package org.tcyledger.eventsourcing.checkpoint;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.contracts.wire.StreamHead;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.stream.EventStreams;

/**
 * A write service's own record, verified where it is kept: every stream of the event store against its hash chain,
 * its chain head (the row writers move) and the signed checkpoints, as {@link SourceAudit} verifies a topic.
 */
@ApplicationScoped
public class StoreVerification {

    @Inject
    EventStreams streams;
    @Inject
    CheckpointKey key;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Instance<WriteModel> writeModel;
    /** How long an event transaction may stay open, and more: an event this much older than a checkpoint is in it. */
    @ConfigProperty(name = "tcy.checkpoints.grace", defaultValue = "PT5M")
    Duration grace;

    public SourceAudit.Report verify() {
        SourceAudit audit = new SourceAudit(writeModel.get().source(), key.publicKeys(), grace);
        Map<String, StreamHead> ends = new HashMap<>();
        streams.forEachStored(event -> {
            audit.add(event);
            ends.put(event.subject(), new StreamHead(event.subject(), event.sequence(), event.hash()));
        });
        SourceAudit.Report report = audit.finish();
        List<ChainVerifier.Break> breaks = new ArrayList<>(report.breaks());
        breaks.addAll(headsAgainst(ends));
        return new SourceAudit.Report(report.source(), report.events(), report.streams(), report.checkpoints(),
                report.covered(), report.uncovered(), report.lastCheckpoint(), List.copyOf(breaks));
    }

    /** Each chain head must be where its stream ends: a head further on means the stream's end was cut off. */
    private List<ChainVerifier.Break> headsAgainst(Map<String, StreamHead> ends) {
        List<ChainVerifier.Break> breaks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT aggregate_identifier, sequence_number, hash FROM event_chain_head")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    StreamHead end = ends.remove(row.getString(1));
                    if (end == null || end.sequence() != row.getLong(2) || !end.hash().equals(row.getString(3))) {
                        breaks.add(new ChainVerifier.Break(row.getString(1), row.getLong(2), null,
                                "the chain head is at sequence " + row.getLong(2) + ", the stored stream "
                                + (end == null ? "is empty" : "ends at " + end.sequence()
                                + (end.sequence() == row.getLong(2) ? " with another hash" : ""))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the chain heads", e);
        }
        ends.values().forEach(end -> breaks.add(new ChainVerifier.Break(end.subject(), end.sequence(), null,
                "a stored stream without a chain head: it was not appended through the chain")));
        return breaks;
    }
}
