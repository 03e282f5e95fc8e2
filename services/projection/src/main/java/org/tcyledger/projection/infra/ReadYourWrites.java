package org.tcyledger.projection.infra;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.ReplicaNotCaughtUp;

/**
 * {@code ?after=<eventId>}: a read waits, bounded, until the read model it reads has applied that event (the id a
 * command answered with), so that a client reads its own write. It looks again each time that read model's consumer
 * commits a batch. While it waits it holds no thread: the endpoint returns a {@link Uni} (on a worker, with
 * {@code @Blocking}) that completes on a worker when the event is applied, so that many waiting readers, or readers of
 * an id that never comes, cannot exhaust the worker pool. Past the bound: 503 with Retry-After.
 */
@ApplicationScoped
public class ReadYourWrites {

    private static final java.util.regex.Pattern EVENT_ID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ConsumerRunner runner;
    @ConfigProperty(name = "tcy.read-your-writes.wait-ms", defaultValue = "5000")
    long waitMs;

    /**
     * {@code read} once {@code group} has applied {@code eventId}; at once when {@code eventId} is null. Everything
     * {@code read} needs of the request (the caller's roles, say) must be taken before, on the request's thread.
     */
    public <T> Uni<T> after(String group, String eventId, Supplier<T> read) {
        if (eventId == null || eventId.isBlank()) {
            return Uni.createFrom().item(read);
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new jakarta.ws.rs.BadRequestException("after is the eventId a command answered with (a UUID), not '"
                                                        + eventId + "'");
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        check(group, eventId, applied, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs));
        if (applied.isDone() && !applied.isCompletedExceptionally()) {
            return Uni.createFrom().item(read);
        }
        return Uni.createFrom().completionStage(applied)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> read.get());
    }

    private void check(String group, String eventId, CompletableFuture<Void> applied, long deadline) {
        try {
            long seen = runner.batches(group);
            if (applied(group, eventId)) {
                applied.complete(null);
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                applied.completeExceptionally(
                        new ReplicaNotCaughtUp("the read model has not applied event " + eventId + " yet"));
                return;
            }
            runner.batchAfter(group, seen)
                    .orTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((batch, timedOut) -> check(group, eventId, applied, deadline),
                            Infrastructure.getDefaultWorkerPool());
        } catch (RuntimeException e) {
            applied.completeExceptionally(e);
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
