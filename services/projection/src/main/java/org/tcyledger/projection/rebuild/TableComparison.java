package org.tcyledger.projection.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares every read-model table of a rebuilt schema with its live twin in the connection's snapshot: by a fingerprint
 * of each table's rows, then row for row where the fingerprints differ.
 * What it reports is names and counts, never a row's values: rows hold opened personal data (contact points), and a
 * report outlives every erasure.
 */
final class TableComparison {

    /**
     * Tables of the schema that are not read models: migrations' history, gap incidents, the rebuilds themselves, the
     * portal's users.
     */
    private static final Set<String> NOT_READ_MODELS = Set.of("flyway_schema_history", "consumed_gap",
            "read_model_rebuild", "parked_record", "portal_user");

    /** What is compared of a table: its key, its plain columns, and the select list (with orders for serials). */
    private record Compared(List<String> key, List<String> columns, String selectList) {
    }

    private TableComparison() {
    }

    static List<RebuildReport.Difference> compare(Connection connection, String schema) throws SQLException {
        List<RebuildReport.Difference> differences = new ArrayList<>();
        for (String table : readModelTables(connection, schema)) {
            Compared compared = compared(connection, schema, table);
            if (fingerprint(connection, "public", table, compared).equals(fingerprint(connection, schema, table, compared))) {
                continue;
            }
            long onlyLive = count(connection, "SELECT count(*) FROM (SELECT " + compared.selectList() + " FROM public."
                    + table + " EXCEPT ALL SELECT " + compared.selectList() + " FROM " + schema + "." + table + ") d");
            long onlyRebuilt = count(connection, "SELECT count(*) FROM (SELECT " + compared.selectList() + " FROM "
                    + schema + "." + table + " EXCEPT ALL SELECT " + compared.selectList() + " FROM public." + table + ") d");
            if (onlyLive + onlyRebuilt > 0) {
                differences.add(new RebuildReport.Difference(table, compared.key(),
                        differingColumns(connection, schema, table, compared), onlyLive, onlyRebuilt));
            }
        }
        return differences;
    }

    /**
     * A table's rows as a multiset, in one scan and without sorting: their count and two sums of 64-bit hashes of each
     * row's text (seeds 0 and 1), so that the order rows are stored in does not matter and a row counted twice does.
     * Only tables whose fingerprints differ are compared row for row (EXCEPT ALL sorts or hashes both sides whole).
     */
    private static List<String> fingerprint(Connection connection, String schema, String table, Compared compared)
            throws SQLException {
        String sql = "SELECT count(*), coalesce(sum(hashtextextended(d::text, 0)::numeric), 0), "
                     + "coalesce(sum(hashtextextended(d::text, 1)::numeric), 0) FROM (SELECT " + compared.selectList()
                     + " FROM " + schema + "." + table + ") d";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return List.of(row.getString(1), row.getString(2), row.getString(3));
        }
    }

    static List<String> readModelTables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' "
                + "ORDER BY table_name")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!NOT_READ_MODELS.contains(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    /**
     * The columns whose values differ between a live and a rebuilt row of the same key; every compared column when the
     * rows cannot be paired (no key, or a key of consumption-order serials).
     */
    private static List<String> differingColumns(Connection connection, String schema, String table, Compared compared)
            throws SQLException {
        if (compared.key().isEmpty() || !compared.columns().containsAll(compared.key())) {
            return compared.columns();
        }
        String join = "FROM public." + table + " l JOIN " + schema + "." + table + " r USING (" + String.join(", ", compared.key()) + ")";
        List<String> differing = new ArrayList<>();
        for (String column : compared.columns()) {
            if (!compared.key().contains(column)
                && count(connection, "SELECT count(*) FROM (SELECT 1 " + join + " WHERE l." + column
                                     + " IS DISTINCT FROM r." + column + " LIMIT 1) d") > 0) {
                differing.add(column);
            }
        }
        return differing;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The columns that say what a read model holds. Left out: times of consumption ({@code DEFAULT now()}) and a
     * serial key of its own. A serial that orders rows within a parent (agenda items within their meeting) is compared
     * as that order, because events of different partitions interleave differently in each consumption.
     */
    private static Compared compared(Connection connection, String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                + "WHERE i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND i.indisprimary "
                + "ORDER BY array_position(i.indkey, a.attnum)")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    key.add(rows.getString(1));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        List<String> selectList = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT column_name, coalesce(column_default, '') FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    String defaultValue = rows.getString(2);
                    if (defaultValue.startsWith("now()") || defaultValue.startsWith("CURRENT_TIMESTAMP")) {
                        continue;
                    }
                    if (defaultValue.startsWith("nextval(")) {
                        if (key.equals(List.of(column)) || key.isEmpty() || key.get(0).equals(column)) {
                            continue;
                        }
                        selectList.add("rank() OVER (PARTITION BY " + key.get(0) + " ORDER BY " + column + ") AS " + column);
                        continue;
                    }
                    columns.add(column);
                    selectList.add(column);
                }
            }
        }
        return new Compared(key, columns, String.join(", ", selectList));
    }
}
