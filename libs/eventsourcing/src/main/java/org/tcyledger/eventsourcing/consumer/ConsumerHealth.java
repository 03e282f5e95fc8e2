package org.tcyledger.eventsourcing.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every consumer runs and no aggregate's sequence has a gap: a read model with a gap is not to be trusted. */
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
        if (!gaps.isEmpty()) {
            response.down().withData("sequenceGaps", String.join("; ", gaps));
        }
        return response.build();
    }
}
