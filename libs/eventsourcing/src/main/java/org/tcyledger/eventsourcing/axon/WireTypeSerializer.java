package org.tcyledger.eventsourcing.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.EventJson;

/**
 * Jackson for everything Axon stores, with our events stored under their wire names
 * ({@code tcy.membership.InstrumentDeposited}, revision {@code 1}) instead of Java class names. No default typing.
 */
public final class WireTypeSerializer extends JacksonSerializer {

    private final EventCatalog catalog;

    private WireTypeSerializer(Builder builder, EventCatalog catalog) {
        super(builder);
        this.catalog = catalog;
    }

    public static WireTypeSerializer create(EventCatalog catalog) {
        return new WireTypeSerializer(JacksonSerializer.builder().objectMapper(objectMapper()), catalog);
    }

    /** The wire's JSON ({@link EventJson}): what the AsyncAPI documents describe is what Axon stores. */
    public static ObjectMapper objectMapper() {
        return EventJson.mapper();
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return catalog.storedTypeOf(type)
                .<SerializedType>map(stored -> new SimpleSerializedType(stored.name(), stored.revision()))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    public Class classForType(SerializedType type) {
        if (type.getRevision() != null) {
            var known = catalog.classOf(type.getName() + ".v" + type.getRevision());
            if (known.isPresent()) {
                return known.get();
            }
        }
        return super.classForType(type);
    }
}
