package org.tcyledger.eventsourcing.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;

/**
 * Reads an event's data back into the contract's record, for the event types a consumer knows, always as the current
 * version: a historic one ({@code tcy.membership.InvitedToAccede.v1}) is read as stored and upcast by its catalog.
 * The one way stored events and records reach their readers: consumers of the topics, replays of the store and, through
 * the write side's upcaster, the aggregates.
 */
public final class EventDecoder {

    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    private final EventCatalog catalog;

    public EventDecoder(Class<?>... sealedEventInterfaces) {
        this(new EventCatalog(sealedEventInterfaces));
    }

    public EventDecoder(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** Empty for a type outside this decoder's contexts; a known type that does not read is an error. */
    public Optional<Object> decode(EventEnvelope envelope) {
        try {
            return read(envelope.type(), envelope.data());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + envelope.type() + " " + envelope.id(), e);
        }
    }

    /** The data of a {@code wireType} as the current version of its event; empty for a type outside these contexts. */
    public Optional<Object> decode(String wireType, byte[] data) {
        try {
            return read(wireType, data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + wireType, e);
        }
    }

    private Optional<Object> read(String wireType, byte[] data) throws IOException {
        Optional<Class<?>> type = catalog.classOf(wireType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(catalog.current(JSON.readValue(data, type.get())));
    }
}
