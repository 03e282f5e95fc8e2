package org.tcyledger.eventsourcing.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.EventEnvelope;

/** A stored Axon event as the CloudEvents envelope every consumer and auditor reads. */
public final class Envelopes {

    private Envelopes() {
    }

    public static EventEnvelope of(DomainEventMessage<?> event, String source, EventCatalog catalog,
                                   Serializer serializer) {
        MetaData meta = event.getMetaData();
        return new EventEnvelope(
                event.getIdentifier(),
                source,
                catalog.wireTypeOf(event.getPayloadType()),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                HashChainingStorageEngine.storedTime(event.getTimestamp()),
                text(meta, AxonRuntime.ACTOR),
                text(meta, AxonRuntime.CORRELATION_ID),
                text(meta, AxonRuntime.CAUSATION_ID),
                text(meta, "prevhash"),
                text(meta, "hash"),
                text(meta, AxonRuntime.TRACEPARENT),
                event.serializePayload(serializer, byte[].class).getData());
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
