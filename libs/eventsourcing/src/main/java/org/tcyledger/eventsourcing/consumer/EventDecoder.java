package org.tcyledger.eventsourcing.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;

/** Reads an event's data back into the contract's record, for the event types a consumer knows. */
public final class EventDecoder {

    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    private final EventCatalog catalog;

    public EventDecoder(Class<?>... sealedEventInterfaces) {
        this.catalog = new EventCatalog(sealedEventInterfaces);
    }

    /** Empty for a type outside this decoder's contexts; a known type that does not read is an error. */
    public Optional<Object> decode(EventEnvelope envelope) {
        Optional<Class<?>> type = catalog.classOf(envelope.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(envelope.data(), type.get()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + envelope.type() + " " + envelope.id(), e);
        }
    }
}
