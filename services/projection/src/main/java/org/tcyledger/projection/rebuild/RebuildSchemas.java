package org.tcyledger.projection.rebuild;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** The schemas of a rebuild: made by the same migrations as the live tables, switched in, or dropped. */
@ApplicationScoped
public class RebuildSchemas {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway flyway;

    /** The same migrations as the live tables, into a schema of their own. */
    void createTables(String schema) {
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true).load().migrate();
    }

    /** The rebuilt tables take the live ones' place in one transaction; the old ones are dropped with it. */
    void switchOver(String schema) throws SQLException {
        String retired = schema.replace("rebuild_", "retired_");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + retired);
                for (String table : TableComparison.readModelTables(connection, schema)) {
                    statement.execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
                    statement.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
                }
                statement.execute("DROP SCHEMA " + retired + " CASCADE");
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    static void dropSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
