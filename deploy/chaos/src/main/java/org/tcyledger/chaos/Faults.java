package org.tcyledger.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.tcyledger.testing.ServiceProcess;

/** The faults, each done to processes this harness started, through the handles it holds (never by name). */
final class Faults {

    private Faults() {
    }

    /** SIGKILL the broker, leave it down for {@code down}, start it again on the same data and ports. */
    static void killKafka(Stack stack, Duration down) {
        stack.infrastructure().killKafka();
        sleep(down);
        stack.infrastructure().startKafka();
    }

    /** SIGKILL the projection under load (so mid-batch), then start a new instance on the same database. */
    static void killProjection(Stack stack, Duration down) {
        for (ServiceProcess projection : stack.instances(Stack.PROJECTION)) {
            stack.kill(projection);
        }
        sleep(down);
        stack.start(Stack.PROJECTION);
    }

    /** PostgreSQL stopped with a fast shutdown under load and started again on the same data and port. */
    static void restartPostgres(Stack stack, Duration down) {
        stack.infrastructure().restartPostgres(down);
    }

    /** SIGKILL the first (oldest) instance of each service: it holds the publisher's token claim and its partitions. */
    static void killFirstInstances(Stack stack, List<String> services) {
        for (String name : services) {
            List<ServiceProcess> instances = stack.instances(name);
            if (instances.size() > 1) {
                stack.kill(instances.get(0));
            }
        }
    }

    /**
     * A write transaction held open past the gap timeout after it took its global index. The harness inserts, and does
     * not commit, the idempotency_key row that a command with the same key will insert after it stored its events:
     * the command's transaction then waits on that row's lock with its global index taken, while other commands commit
     * later indexes. Releasing the row lets the command commit, {@code held} later.
     */
    static final class StalledWriter implements AutoCloseable {
        private final Connection connection;

        StalledWriter(Stack stack, String service, String idempotencyKey) throws SQLException {
            connection = stack.connect(service);
            connection.setAutoCommit(false);
            // a key belongs to its principal: the suite's clients are the secretariat's test user
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                    + "(principal, idempotency_key, request_hash, status, response) VALUES ('secretariat-user', ?, ?, 0, '{}')")) {
                insert.setString(1, idempotencyKey);
                insert.setString(2, "0".repeat(64));
                insert.executeUpdate();
            }
        }

        /** Whether some other transaction waits on a lock this one holds: the command has taken its global index. */
        boolean blocking() throws SQLException {
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))")) {
                row.next();
                return row.getLong(1) > 0;
            }
        }

        /**
         * Takes {@code count} global indexes and never uses them, as that many commands rolled back after taking theirs
         * would (a 409, a failed validation). Axon cleans a token's gaps only when it holds more than 250 of them
         * (gapCleaningThreshold): then every gap older than the gap timeout is dropped, the held one included.
         */
        void burnGlobalIndexes(Stack stack, String service, int count) throws SQLException {
            try (Connection other = stack.connect(service);
                 ResultSet row = other.createStatement().executeQuery("SELECT count(nextval("
                         + "pg_get_serial_sequence('domain_event_entry', 'global_index'))) FROM generate_series(1, "
                         + count + ")")) {
                row.next();
            }
        }

        /** Rolls the row back: the waiting command inserts its own and commits. */
        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
