package org.tcyledger.eventsourcing;

import java.util.List;
import org.tcyledger.contracts.EventCatalog;

/**
 * What a write service brings to the shared Axon wiring: its name (the CloudEvents source), its topic, its
 * event-sourced aggregates, and the catalog of the events it stores. A service produces exactly one.
 */
public record WriteModel(String service, String topic, List<Class<?>> aggregates, EventCatalog catalog) {

    public String source() {
        return "/tcy/" + service;
    }
}
