package org.tcyledger.eventsourcing;

import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.EventCatalog;

/**
 * What a write service brings to the shared Axon wiring: its name (the CloudEvents source), its topic, its
 * event-sourced aggregates, the catalog of the events it stores, and what its command handlers may take as
 * parameters besides the command (by type). A service produces exactly one. Its catalog also knows the service's
 * signed checkpoints, which the service stores besides its own events.
 */
public record WriteModel(String service, String topic, List<Class<?>> aggregates, EventCatalog catalog,
                         Map<Class<?>, Object> handlerResources) {

    public WriteModel {
        catalog.includeCheckpointsOf(service);
    }

    public WriteModel(String service, String topic, List<Class<?>> aggregates, EventCatalog catalog) {
        this(service, topic, aggregates, catalog, Map.of());
    }

    public String source() {
        return org.tcyledger.contracts.wire.EventEnvelope.sourceOf(service);
    }
}
