package org.tcyledger.eventsourcing.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.eventsourcing.consumer.EventDecoder;

/**
 * Axon's upcaster for every historic version the catalog knows: a stored {@code tcy.membership.InvitedToAccede.v1}
 * reaches the aggregate as v2, upcast by the catalog through the same {@link EventDecoder} as every other reader,
 * so that there is one upcast per change and not one per reader. What is stored is never touched: this changes only
 * what is read.
 */
final class HistoricEventUpcaster extends SingleEventUpcaster {

    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    private final EventCatalog catalog;
    private final EventDecoder decoder;

    HistoricEventUpcaster(EventCatalog catalog) {
        this.catalog = catalog;
        this.decoder = new EventDecoder(catalog);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        SerializedType type = stored.getType();
        return type.getRevision() != null && catalog.isHistoric(wireType(type));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        String wireType = wireType(stored.getType());
        Object current = decoder.decode(wireType, stored.getData(byte[].class).getData()).orElseThrow();
        EventCatalog.StoredType currentType = catalog.storedTypeOf(current.getClass()).orElseThrow();
        return stored.upcastPayload(new SimpleSerializedType(currentType.name(), currentType.revision()),
                byte[].class, data -> json(current));
    }

    private static String wireType(SerializedType type) {
        return new EventCatalog.StoredType(type.getName(), type.getRevision()).wireType();
    }

    private static byte[] json(Object event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass(), e);
        }
    }
}
