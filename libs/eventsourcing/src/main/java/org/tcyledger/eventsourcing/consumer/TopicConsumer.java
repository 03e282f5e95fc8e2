package org.tcyledger.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * A read model or replica fed from topics. {@link ConsumerRunner} calls {@link #apply} once per event id, inside
 * the PostgreSQL transaction that also records the event as consumed, so that a redelivered event changes nothing.
 * Implementations are CDI beans; everything they write is queued on the given {@link Writes}, which sends a poll's
 * statements a JDBC batch at a time.
 */
public interface TopicConsumer {

    /** The Kafka consumer group, which is also the name under which positions are reported. */
    String group();

    List<String> topics();

    void apply(EventEnvelope event, Writes writes) throws SQLException;

    /**
     * The events of one batch to apply, in order, in the same transaction (in waves, see {@link Writes}); a read
     * model that writes a whole batch in one statement overrides this.
     */
    default void applyAll(List<EventEnvelope> events, Connection connection) throws SQLException {
        Writes.applyInWaves(events, connection, this::apply);
    }
}
