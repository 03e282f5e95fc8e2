package org.tcyledger.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Every value of every table in every schema of a database, as text: to search for what must not be there. */
public final class DatabaseText {

    private DatabaseText() {
    }

    public static String of(Infrastructure infrastructure, String database) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(database),
                infrastructure.user(), infrastructure.password())) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT quote_ident(table_schema) || '.' || "
                    + "quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                    + "AND table_schema NOT IN ('pg_catalog', 'information_schema')");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table);
                     ResultSet rows = select.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                                                     : String.valueOf(value)).append('\n');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
