package org.tcyledger.eventsourcing.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every consumer runs and no aggregate's sequence has a gap: a read model with a gap is not to be trusted.
 * Parked records are named but keep readiness UP: every other aggregate is up to date, and the parked ones are listed
 * at {@code GET /audit/parked}.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    ConsumerRunner runner;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        List<String> gaps = runner.recordedGaps();
        for (ConsumerRunner.Status status : runner.statuses()) {
            response.withData(status.group() + ".running", status.running());
            response.withData(status.group() + ".applied", status.applied());
            response.withData(status.group() + ".duplicatesSkipped", status.duplicates());
            if (status.lastError() != null) {
                response.withData(status.group() + ".lastError", status.lastError());
            }
            if (!status.running()) {
                response.down();
            }
        }
        List<ParkedRecords.Parked> parked = runner.parked();
        response.withData("parked", parked.size());
        parked.stream().filter(record -> !record.waiting()).limit(5).forEach(record -> response.withData(
                "parked." + record.id(), record.consumerGroup() + ": " + record.subject() + " #" + record.sequence()
                                         + " (" + record.eventId() + "): " + record.reason()));
        if (!gaps.isEmpty()) {
            response.down().withData("sequenceGaps", String.join("; ", gaps));
        }
        return response.build();
    }
}
