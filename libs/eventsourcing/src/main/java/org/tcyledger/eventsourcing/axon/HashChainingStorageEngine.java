package org.tcyledger.eventsourcing.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.ChainHash;

/**
 * Stores each event with {@code prevhash} and {@code hash} in its metadata, computed in the transaction that stores
 * it. The head of every chain is one row of {@code event_chain_head}, locked while it moves, so two writers of the
 * same aggregate cannot fork its chain: the second one fails like a concurrent append and gets 409.
 * <p>
 * Events are read two ways. An aggregate loads its stream as the current versions of its events (a historic
 * {@code v1} upcast, {@link HistoricEventUpcaster}); the tracking stream, which the publisher alone reads, hands on
 * every event as stored, so that it reaches the topic byte for byte as it was hashed.
 */
public final class HashChainingStorageEngine implements EventStorageEngine {

    /** Axon writes timestamps to the store with millisecond precision; the hash uses the time as stored. */
    public static Instant storedTime(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    private final EventStorageEngine delegate;
    private final EventStorageEngine upcasting;
    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventCatalog catalog;
    private final int maxEventBytes;

    /**
     * @param delegate       stores the events and reads them as stored
     * @param upcasting      the same store, read through the upcasters: what aggregates load
     * @param maxEventBytes the largest event stored: one the topic would refuse could never be published
     */
    public HashChainingStorageEngine(EventStorageEngine delegate, EventStorageEngine upcasting, DataSource dataSource,
                                     Serializer serializer, EventCatalog catalog, int maxEventBytes) {
        this.delegate = delegate;
        this.upcasting = upcasting;
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.catalog = catalog;
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        Map<String, Head> heads = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (EventMessage<?> event : events) {
                if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                    chained.add(event);
                    continue;
                }
                String aggregateId = domainEvent.getAggregateIdentifier();
                // a stream's first event needs no read: its head is the genesis, and moving it (an insert) finds
                // out whether the stream exists after all
                Head head = heads.computeIfAbsent(aggregateId, id -> domainEvent.getSequenceNumber() == 0
                        ? new Head(-1, ChainHash.GENESIS, false) : lockHead(connection, id));
                if (domainEvent.getSequenceNumber() != head.sequence + 1) {
                    throw domainEvent.getSequenceNumber() == 0
                            ? new AggregateStreamCreationException("aggregate " + aggregateId + " already exists")
                            : new ConcurrencyException("aggregate " + aggregateId + " was changed concurrently");
                }
                String hash = hashOf(domainEvent, head.hash);
                chained.add(domainEvent.andMetaData(Map.of("prevhash", head.hash, "hash", hash)));
                heads.put(aggregateId, new Head(domainEvent.getSequenceNumber(), hash, head.exists));
            }
            for (Map.Entry<String, Head> entry : heads.entrySet()) {
                moveHead(connection, entry.getKey(), entry.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot extend the hash chain", e);
        }
        delegate.appendEvents(chained);
    }

    private String hashOf(DomainEventMessage<?> event, String prevhash) {
        byte[] data = serializer.serialize(event.getPayload(), byte[].class).getData();
        if (data.length > maxEventBytes) {
            throw new EventTooLarge(catalog.wireTypeOf(event.getPayloadType()), data.length, maxEventBytes);
        }
        Object actor = event.getMetaData().get("actor");
        return ChainHash.of(prevhash, catalog.wireTypeOf(event.getPayloadType()), event.getAggregateIdentifier(),
                event.getSequenceNumber(), storedTime(event.getTimestamp()), actor == null ? null : actor.toString(),
                data);
    }

    private record Head(long sequence, String hash, boolean exists) {
    }

    private static Head lockHead(Connection connection, String aggregateId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence_number, hash FROM event_chain_head WHERE aggregate_identifier = ? FOR UPDATE")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? new Head(row.getLong(1), row.getString(2), true)
                        : new Head(-1, ChainHash.GENESIS, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hash chain of " + aggregateId, e);
        }
    }

    private static void moveHead(Connection connection, String aggregateId, Head head) throws SQLException {
        String sql = head.exists
                ? "UPDATE event_chain_head SET sequence_number = ?, hash = ? WHERE aggregate_identifier = ?"
                : "INSERT INTO event_chain_head (sequence_number, hash, aggregate_identifier) VALUES (?, ?, ?) "
                  + "ON CONFLICT (aggregate_identifier) DO NOTHING";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, head.sequence);
            statement.setString(2, head.hash);
            statement.setString(3, aggregateId);
            if (statement.executeUpdate() != 1) {
                throw head.exists
                        ? new ConcurrencyException("aggregate " + aggregateId + " was changed concurrently")
                        : new AggregateStreamCreationException("aggregate " + aggregateId + " already exists");
            }
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return upcasting.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return upcasting.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
