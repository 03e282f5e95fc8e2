package org.tcyledger.bench.peer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The peer's one table, made when it starts. */
@ApplicationScoped
class PeerTable {

    void create(@Observes StartupEvent started, AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS peer_member (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                    + "kind TEXT NOT NULL, council_of_europe_member BOOLEAN NOT NULL, row_id UUID NOT NULL, "
                    + "registered_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }
}
