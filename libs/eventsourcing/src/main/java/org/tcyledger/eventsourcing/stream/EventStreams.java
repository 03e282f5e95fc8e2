package org.tcyledger.eventsourcing.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.eventsourcing.consumer.EventDecoder;

/**
 * An aggregate's stream exactly as stored (payload bytes before any upcasting, metadata with hashes), for auditors
 * and for point-in-time reads that replay the stored events (each read as its current version, {@link EventDecoder}).
 */
@ApplicationScoped
public class EventStreams {

    /** One stored event with its payload read back as the event record. */
    public record Recorded(EventEnvelope envelope, Object event) {
    }

    /**
     * Where a point-in-time read stops: after the aggregate's {@code atSequence}-th event, and at what had been
     * recorded by {@code recordedAt} (domain.md: {@code ?atSequence=}, {@code ?recordedAt=}); a null bound is none.
     */
    public record PointInTime(Long atSequence, Instant recordedAt) {

        /** Everything recorded so far. */
        public static final PointInTime LATEST = new PointInTime(null, null);

        public boolean includes(EventEnvelope envelope) {
            return (atSequence == null || envelope.sequence() <= atSequence)
                   && (recordedAt == null || !envelope.time().isAfter(recordedAt));
        }
    }

    /** One step of a replay: the state after {@code event}, stored as {@code envelope} (its id, sequence, time). */
    @FunctionalInterface
    public interface Evolution<S, E> {
        S next(S state, E event, EventEnvelope envelope);
    }

    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Instance<WriteModel> writeModel;

    private static final String STORED = "SELECT event_identifier, sequence_number, time_stamp, payload_type, "
            + "payload_revision, payload, meta_data, aggregate_identifier FROM domain_event_entry ";

    public List<EventEnvelope> envelopes(String aggregateId) {
        List<EventEnvelope> stream = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     STORED + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stream.add(envelope(row));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the events of " + aggregateId, e);
        }
        return stream;
    }

    /** Every stored event, stream after stream, each in sequence order, read in batches (for verification). */
    public void forEachStored(java.util.function.Consumer<EventEnvelope> each) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    STORED + "ORDER BY aggregate_identifier, sequence_number")) {
                select.setFetchSize(1000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        each.accept(envelope(row));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private EventEnvelope envelope(ResultSet row) throws SQLException, IOException {
        JsonNode meta = JSON.readTree(row.getBytes(7));
        return new EventEnvelope(
                row.getString(1),
                writeModel.get().source(),
                new EventCatalog.StoredType(row.getString(4), row.getString(5)).wireType(),
                row.getString(8),
                row.getLong(2),
                Instant.parse(row.getString(3)),
                text(meta, AxonRuntime.ACTOR),
                text(meta, AxonRuntime.CORRELATION_ID),
                text(meta, AxonRuntime.CAUSATION_ID),
                text(meta, "prevhash"),
                text(meta, "hash"),
                text(meta, AxonRuntime.TRACEPARENT),
                row.getBytes(6));
    }

    /** The ids of every aggregate of one type (Axon's aggregate type name, the class's simple name). */
    public List<String> aggregateIds(String aggregateType) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = ? ORDER BY 1")) {
            select.setString(1, aggregateType);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list aggregates of type " + aggregateType, e);
        }
        return ids;
    }

    public List<Recorded> history(String aggregateId) {
        EventDecoder decoder = new EventDecoder(writeModel.get().catalog());
        return envelopes(aggregateId).stream().map(envelope -> new Recorded(envelope, decoder.decode(envelope)
                .orElseThrow(() -> new IllegalStateException("unknown stored type " + envelope.type())))).toList();
    }

    /**
     * An aggregate's state at a point in time: {@code initial} evolved by each of its stored events up to that point,
     * in sequence order. Empty when no event is recorded by then, or when the id names another kind of aggregate
     * (its events are not {@code eventType}s: a service's aggregates share its store).
     */
    public <S, E> Optional<S> replay(String aggregateId, Class<E> eventType, S initial, Evolution<S, E> evolution,
                                     PointInTime at) {
        return replay(history(aggregateId), eventType, initial, evolution, at);
    }

    static <S, E> Optional<S> replay(List<Recorded> history, Class<E> eventType, S initial, Evolution<S, E> evolution,
                                     PointInTime at) {
        S state = initial;
        boolean replayed = false;
        for (Recorded recorded : history) {
            if (!at.includes(recorded.envelope())) {
                break;
            }
            if (!eventType.isInstance(recorded.event())) {
                return Optional.empty();
            }
            state = evolution.next(state, eventType.cast(recorded.event()), recorded.envelope());
            replayed = true;
        }
        return replayed ? Optional.of(state) : Optional.empty();
    }

    /** An aggregate's stored stream as auditors receive it; 404 when nothing was stored under that id. */
    public List<StoredEvent> audited(String aggregateId) {
        List<StoredEvent> events = envelopes(aggregateId).stream().map(EventStreams::view).toList();
        if (events.isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException("Nothing was recorded under '" + aggregateId + "'");
        }
        return events;
    }

    /** The JSON an auditor receives for one event: {@code {id, type, subject, sequence, time, actor, data, prevhash, hash}}. */
    public static StoredEvent view(EventEnvelope envelope) {
        try {
            return new StoredEvent(envelope.id(), envelope.type(), envelope.subject(), envelope.sequence(),
                    org.tcyledger.contracts.wire.ChainHash.rfc3339Micros(envelope.time()), envelope.actor(),
                    JSON.readTree(envelope.data()), envelope.prevhash(), envelope.hash());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record StoredEvent(String id, String type, String subject, long sequence, String time, String actor,
                              JsonNode data, String prevhash, String hash) {
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta == null ? null : meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
