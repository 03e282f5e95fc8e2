package org.tcyledger.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * A read model or replica fed from topics. {@link ConsumerRunner} calls {@link #apply} once per event id, inside
 * the PostgreSQL transaction that also records the event as consumed, so that a redelivered event changes nothing.
 * Implementations are CDI beans; everything they write goes through the given connection.
 */
public interface TopicConsumer {

    /** The Kafka consumer group, which is also the name under which positions are reported. */
    String group();

    List<String> topics();

    void apply(EventEnvelope event, Connection connection) throws SQLException;

    /**
     * The events of one batch to apply, in order, in the same transaction; a read model that can write many at once
     * (one statement for the batch) overrides this.
     */
    default void applyAll(List<EventEnvelope> events, Connection connection) throws SQLException {
        for (EventEnvelope event : events) {
            apply(event, connection);
        }
    }
}
