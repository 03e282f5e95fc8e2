package org.tcyledger.eventsourcing.consumer;

import org.tcyledger.contracts.wire.EventEnvelope;

/** One aggregate's stream as consumers track it: the source that owns it and its subject. */
public record AggregateKey(String source, String subject) {

    public static AggregateKey of(EventEnvelope event) {
        return new AggregateKey(event.source(), event.subject());
    }
}
