package org.tcyledger.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** How many events a write service's store holds: a refused request must leave it as it was. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** The events of the service's own aggregates: its signed checkpoints come and go on their own. */
    public static long count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier <> '@checkpoints'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
