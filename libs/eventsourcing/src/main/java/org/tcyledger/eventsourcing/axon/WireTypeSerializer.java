package org.tcyledger.eventsourcing.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.tcyledger.contracts.EventCatalog;

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

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
