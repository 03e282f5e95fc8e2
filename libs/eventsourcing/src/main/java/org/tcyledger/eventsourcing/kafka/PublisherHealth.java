package org.tcyledger.eventsourcing.kafka;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tcyledger.eventsourcing.axon.AxonRuntime;

/**
 * Whether what this service stores reaches its topic: the publisher's lag (events stored and not yet acknowledged by
 * Kafka) as a readiness detail and the gauge {@code tcy_publisher_lag_events}; DOWN while Kafka refuses a record for
 * good (the publisher cannot move past it, and everything stored after it waits), with the reason.
 */
@Readiness
@ApplicationScoped
public class PublisherHealth implements HealthCheck {

    @Inject
    AxonRuntime axon;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry metrics;

    void onStart(@Observes StartupEvent startup) {
        if (axon.publisher().isEmpty()) {
            return;
        }
        Gauge.builder("tcy.publisher.lag.events", this, health -> {
            long lag = health.lag();
            return lag < 0 ? Double.NaN : lag;
        }).description("events stored and not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("tcy.publisher.alarm", this, health -> health.axon.publisher()
                .flatMap(KafkaPublisher::alarm).isPresent() ? 1 : 0)
                .description("1 while Kafka refuses a record for good").register(metrics);
        FunctionCounter.builder("tcy.publisher.refused", this, health -> health.axon.publisher()
                        .map(KafkaPublisher::refusals).orElse(0L))
                .description("times Kafka refused a record for good").register(metrics);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("publisher").up();
        if (axon.publisher().isEmpty()) {
            return response.build();
        }
        response.withData("lagEvents", lag());
        axon.publisher().flatMap(KafkaPublisher::alarm).ifPresent(alarm -> response.down().withData("alarm", alarm));
        return response.build();
    }

    /** Events stored after the publisher's position; -1 while it has no position yet (it is starting). */
    long lag() {
        OptionalLong position = position();
        if (position.isEmpty()) {
            return -1;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE global_index > ?")) {
            count.setLong(1, position.getAsLong());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private OptionalLong position() {
        return axon.configuration().eventProcessingConfiguration()
                .eventProcessor(AxonRuntime.PUBLISHER, TrackingEventProcessor.class)
                .map(processor -> {
                    var statuses = processor.processingStatus().values();
                    // no segment claimed here: another instance publishes, and knows its own lag
                    return statuses.isEmpty() ? OptionalLong.empty() : OptionalLong.of(statuses.stream()
                            .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().getAsLong());
                })
                .orElse(OptionalLong.empty());
    }
}
