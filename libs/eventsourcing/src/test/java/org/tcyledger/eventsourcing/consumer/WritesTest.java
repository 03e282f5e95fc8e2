package org.tcyledger.eventsourcing.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.Infrastructure;

/**
 * {@link Writes} against a real PostgreSQL: a history of order-sensitive events (a row created, appended to, cleared,
 * removed and created again, a child that needs its parent) applied in waves leaves exactly the tables that applying
 * it one statement at a time leaves, in far fewer round trips.
 */
class WritesTest {

    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        Infrastructure infrastructure = Infrastructure.forTests();
        infrastructure.ensureDatabase("writes_test");
        connection = DriverManager.getConnection(infrastructure.jdbcUrl("writes_test"), infrastructure.user(),
                infrastructure.password());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String schema : List.of("one_by_one", "in_waves")) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute("CREATE TABLE " + schema + ".parent (id VARCHAR PRIMARY KEY, log TEXT NOT NULL, "
                                  + "serial BIGSERIAL)");
                statement.execute("CREATE TABLE " + schema + ".child (parent_id VARCHAR NOT NULL REFERENCES "
                                  + schema + ".parent (id) ON DELETE CASCADE, n INT NOT NULL, PRIMARY KEY (parent_id, n))");
            }
        }
        connection.commit();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** What one event does, as statements: those of "recreate" go in an order opposite to those of "child". */
    private static List<Object[]> statementsOf(EventEnvelope event) {
        String id = event.subject();
        int n = (int) event.sequence();
        return switch (new String(event.data(), StandardCharsets.UTF_8)) {
            case "create" -> List.<Object[]>of(new Object[] {"INSERT INTO parent (id, log) VALUES (?, ?)", id, "c" + n});
            case "append" -> List.<Object[]>of(new Object[] {"UPDATE parent SET log = log || ? WHERE id = ?", "a" + n, id});
            case "child" -> List.of(
                    new Object[] {"UPDATE parent SET log = log || ? WHERE id = ?", "k" + n, id},
                    new Object[] {"INSERT INTO child (parent_id, n) VALUES (?, ?)", id, n});
            case "recreate" -> List.of(
                    new Object[] {"DELETE FROM parent WHERE id = ?", id},
                    new Object[] {"INSERT INTO parent (id, log) VALUES (?, ?)", id, "r" + n},
                    new Object[] {"INSERT INTO child (parent_id, n) VALUES (?, ?)", id, n},
                    new Object[] {"UPDATE parent SET log = log || ? WHERE id = ?", "!" + n, id});
            default -> throw new IllegalArgumentException(event.type());
        };
    }

    private static void apply(EventEnvelope event, Writes writes) throws SQLException {
        for (Object[] statement : statementsOf(event)) {
            writes.update((String) statement[0], Arrays.copyOfRange(statement, 1, statement.length));
        }
    }

    @Test
    void wavesLeaveWhatOneStatementAtATimeLeaves() throws SQLException {
        Random random = new Random(20261122);
        List<EventEnvelope> events = new ArrayList<>();
        long[] sequences = new long[40];
        for (int i = 0; i < 1500; i++) {
            int aggregate = random.nextInt(sequences.length);
            long sequence = sequences[aggregate]++;
            String step = sequence == 0 ? "create"
                    : List.of("append", "append", "child", "recreate").get(random.nextInt(4));
            events.add(new EventEnvelope("e" + i, "/test", "step", "P" + aggregate, sequence, Instant.EPOCH, null, null,
                    null, null, null, null, step.getBytes(StandardCharsets.UTF_8)));
        }
        long statements = 0;
        long roundTrips = 0;
        for (int from = 0; from < events.size(); from += 250) {
            List<EventEnvelope> batch = events.subList(from, Math.min(events.size(), from + 250));
            searchPath("one_by_one");
            for (EventEnvelope event : batch) {
                for (Object[] statement : statementsOf(event)) {
                    Sql.update(connection, (String) statement[0],
                            Arrays.copyOfRange(statement, 1, statement.length));
                }
            }
            searchPath("in_waves");
            Writes waves = Writes.applyInWaves(batch, connection, WritesTest::apply);
            statements += waves.statements();
            roundTrips += waves.roundTrips();
            connection.commit();
        }
        for (String table : List.of("parent", "child")) {
            assertEquals(dump("one_by_one", table), dump("in_waves", table), table);
        }
        assertTrue(dump("in_waves", "child").size() > 20, "the history made children");
        assertTrue(roundTrips * 3 < statements, roundTrips + " round trips for " + statements + " statements");
    }

    @Test
    void waveHoldsOneEventPerAggregateInBatchOrder() {
        List<EventEnvelope> events = new ArrayList<>();
        String[] subjects = {"A", "B", "A", "C", "A", "B"};
        long[] sequences = new long[3];
        for (int i = 0; i < subjects.length; i++) {
            events.add(new EventEnvelope("e" + i, "/test", "step", subjects[i], sequences[subjects[i].charAt(0) - 'A']++,
                    Instant.EPOCH, null, null, null, null, null, null, new byte[0]));
        }
        List<List<String>> waves = Writes.waves(events).stream()
                .map(wave -> wave.stream().map(EventEnvelope::id).toList()).toList();
        assertEquals(List.of(List.of("e0", "e1", "e3"), List.of("e2", "e5"), List.of("e4")), waves);
    }

    private static void searchPath(String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
        }
    }

    private static List<String> dump(String schema, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        String order = table.equals("parent") ? "id" : "parent_id, n";
        String columns = table.equals("parent") ? "id, log" : "parent_id, n";
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + columns + " FROM " + schema + "." + table
                                                       + " ORDER BY " + order)) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2));
            }
        }
        return rows;
    }
}
