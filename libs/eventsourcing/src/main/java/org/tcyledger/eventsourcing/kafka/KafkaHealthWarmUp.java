package org.tcyledger.eventsourcing.kafka;

import io.quarkus.kafka.client.runtime.KafkaAdminClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Quarkus's Kafka readiness check ({@code quarkus.kafka.health.enabled}) makes its admin client when it is first
 * called, so the first readiness probe of every start waited for a Kafka client's first making and a round trip to
 * the broker (JFR): membership's first {@code /q/health/ready} took 0.75 s, 0.40 to 0.43 s with this. Asked once
 * at start, on a thread of its own while the rest of the service starts, the client is there when the probe comes.
 * The check still asks the broker on every probe; a broker away at start is its to report, not this.
 */
@ApplicationScoped
class KafkaHealthWarmUp {

    private static final Logger LOG = Logger.getLogger(KafkaHealthWarmUp.class);

    @Inject
    Instance<KafkaAdminClient> admin;
    /** The check this warms; without it nothing asks the client, and nothing is made. */
    @ConfigProperty(name = "quarkus.kafka.health.enabled", defaultValue = "false")
    boolean checked;

    void onStart(@Observes StartupEvent start) {
        if (!checked || !admin.isResolvable()) {
            return;
        }
        Thread.ofPlatform().daemon().name("kafka-health-warm-up").start(() -> {
            try {
                admin.get().getCluster().nodes().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debugf("Kafka's readiness check could not reach the broker at start: %s", e.getMessage());
            }
        });
    }
}
