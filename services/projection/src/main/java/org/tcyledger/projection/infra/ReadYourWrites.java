package org.tcyledger.projection.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.ReplicaNotCaughtUp;

/**
 * {@code ?after=<eventId>}: a read waits, bounded, until the read model it reads has applied that event (the id a
 * command answered with), so that a client reads its own write: it looks again as soon as that read model's consumer
 * commits a batch.
 * Past the bound: 503 with Retry-After.
 */
@ApplicationScoped
public class ReadYourWrites {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ConsumerRunner runner;
    @ConfigProperty(name = "tcy.read-your-writes.wait-ms", defaultValue = "5000")
    long waitMs;

    /** Returns at once when {@code eventId} is null. */
    public void await(String group, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMillis(waitMs).toNanos();
        long seen = runner.batches(group);
        while (!applied(group, eventId)) {
            if (System.nanoTime() > deadline) {
                throw new ReplicaNotCaughtUp("the read model has not applied event " + eventId + " yet");
            }
            try {
                runner.awaitBatchAfter(group, seen, Duration.ofMillis(200));
                seen = runner.batches(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplicaNotCaughtUp("interrupted while waiting for event " + eventId);
            }
        }
    }

    private boolean applied(String group, String eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM consumed_event WHERE consumer_group = ? AND event_id = ?")) {
            select.setString(1, group);
            select.setString(2, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the consumed events", e);
        }
    }
}
