package org.tcyledger.eventsourcing.consumer;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** One statement at once: parameters in order, legal dates as SQL dates (read models queue theirs on {@link Writes}). */
public final class Sql {

    private Sql() {
    }

    public static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof LocalDate date) {
                value = Date.valueOf(date);
            } else if (value instanceof Instant instant) {
                value = java.sql.Timestamp.from(instant);
            }
            statement.setObject(i + 1, value);
        }
    }
}
