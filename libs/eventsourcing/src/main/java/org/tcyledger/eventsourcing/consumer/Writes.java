package org.tcyledger.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * The statements that apply a batch of events to a read model, sent to PostgreSQL a few JDBC batches at a time
 * instead of one round trip per statement.
 *
 * <p>The batch is cut into waves: wave {@code k} holds the {@code k}-th event of each aggregate in the batch, so
 * that no two events of one wave belong to the same aggregate. A read model's rows each belong to one aggregate
 * (the order between aggregates is not kept by Kafka either: partitions interleave as they like), so the statements
 * of one wave commute and are grouped by SQL text, one JDBC batch per text, in the order the texts first appear.
 * The waves go out one after the other. Within an event its statements keep their order: a statement whose text's
 * group comes before the group of the event's previous statement opens a new group for that text at the end.
 */
public final class Writes {

    /** What one read model does with one event: queue its statements on {@code writes}. */
    @FunctionalInterface
    public interface Apply {
        void apply(EventEnvelope event, Writes writes) throws SQLException;
    }

    private final Connection connection;
    /** The groups to send, in order: a SQL text and its parameter rows. */
    private final List<Group> queued = new ArrayList<>();
    /** The last group of each SQL text. */
    private final Map<String, Integer> lastGroup = new HashMap<>();
    /** The group of the current event's last statement. */
    private int eventGroup;
    private long statements;
    private long roundTrips;

    Writes(Connection connection) {
        this.connection = connection;
    }

    /** Applies {@code events} (in the order of the batch) wave by wave; what was sent is counted on the result. */
    public static Writes applyInWaves(List<EventEnvelope> events, Connection connection, Apply apply) throws SQLException {
        Writes writes = new Writes(connection);
        for (List<EventEnvelope> wave : waves(events)) {
            for (EventEnvelope event : wave) {
                writes.eventGroup = -1;
                apply.apply(event, writes);
            }
            writes.flush();
        }
        return writes;
    }

    /** Wave {@code k}: the {@code k}-th event of each aggregate, in the order of the batch. */
    static List<List<EventEnvelope>> waves(List<EventEnvelope> events) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<EventEnvelope>> waves = new ArrayList<>();
        for (EventEnvelope event : events) {
            int wave = seen.merge(event.source() + " " + event.subject(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(event);
        }
        return waves;
    }

    /** Queues one statement; parameters in order, legal dates as SQL dates (as {@link Sql#update}). */
    public void update(String sql, Object... values) {
        Integer index = lastGroup.get(sql);
        if (index == null || index < eventGroup) {
            // a text the event already passed: a group of its own after the event's last one
            index = queued.size();
            queued.add(new Group(sql, new ArrayList<>()));
            lastGroup.put(sql, index);
        }
        queued.get(index).rows().add(values.clone());
        eventGroup = index;
        statements++;
    }

    /** The connection of the batch's transaction, for a read; what is queued is sent first. */
    public Connection connection() throws SQLException {
        flush();
        return connection;
    }

    /** Sends what is queued: one JDBC batch (one round trip) per group. */
    public void flush() throws SQLException {
        for (Group group : queued) {
            try (PreparedStatement statement = connection.prepareStatement(group.sql())) {
                for (Object[] values : group.rows()) {
                    Sql.bind(statement, values);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            roundTrips++;
        }
        queued.clear();
        lastGroup.clear();
        eventGroup = -1;
    }

    private record Group(String sql, List<Object[]> rows) {
    }

    long statements() {
        return statements;
    }

    long roundTrips() {
        return roundTrips;
    }
}
