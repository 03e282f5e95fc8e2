package org.tcyledger.eventsourcing.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;

/**
 * A consumer of one family of events (a sealed interface of the contract), or of several (the constructor with a list
 * of families): its group and topics said once, each record read back into its family's record, and everything else
 * on its topics (another family, a checkpoint) passed over. A subclass writes what one event means for its read model.
 */
public abstract class EventConsumer<E> implements TopicConsumer {

    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    private final String group;
    private final List<String> topics;
    private final Class<E> family;
    private final EventDecoder decoder;

    protected EventConsumer(String group, Class<E> family, String... topics) {
        this(group, family, new EventDecoder(family), topics);
    }

    private EventConsumer(String group, Class<E> family, EventDecoder decoder, String... topics) {
        this.group = group;
        this.topics = List.of(topics);
        this.family = family;
        this.decoder = decoder;
    }

    /**
     * For a read model that needs events of several families ({@code E} their common type, often {@code Object}):
     * one consumer group, so that read-your-writes waits for either.
     */
    protected EventConsumer(String group, Class<E> common, List<Class<?>> families, String... topics) {
        this(group, common, new EventDecoder(families.toArray(Class<?>[]::new)), topics);
    }

    @Override
    public final String group() {
        return group;
    }

    @Override
    public final List<String> topics() {
        return topics;
    }

    @Override
    public final void apply(EventEnvelope envelope, Writes writes) throws SQLException {
        Optional<Object> decoded = decoder.decode(envelope);
        if (decoded.isPresent() && family.isInstance(decoded.get())) {
            apply(family.cast(decoded.get()), envelope, writes);
        }
    }

    /** What one event of the family means for the read model. */
    protected abstract void apply(E event, EventEnvelope envelope, Writes writes) throws SQLException;

    /** A value as the JSON a read model keeps in a column. */
    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
