package org.tcyledger.projection.documents;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.projection.documents.DocumentResource.Adoption;
import org.tcyledger.projection.documents.DocumentResource.Document;
import org.tcyledger.projection.documents.DocumentResource.Tabling;

/**
 * The document register's queries. What a reader sees ({@link Reader}) is part of every one: a reader of the public
 * record sees PUBLIC documents, and where they were tabled or adopted only at meetings whose report is published.
 */
@ApplicationScoped
public class DocumentQueries {

    /** Whether the reader sees RESTRICTED documents and the outcomes of meetings whose report is not published. */
    public record Reader(boolean signedInObserver) {
    }

    /** The filters of {@code GET /documents}, each null when not given. */
    public record Filter(String symbol, Integer year, String kind, String meetingId, String access) {
    }

    /** A meeting's outcomes are on the public record once its report is published. */
    private static final String OUTCOME_VISIBLE = "(f.observer OR EXISTS (SELECT 1 FROM document_meeting_report r "
            + "WHERE r.meeting_id = %s.meeting_id))";

    @Inject
    AgroalDataSource dataSource;

    /** Every matching document visible to the reader, by date and symbol, without its relations. */
    public List<Document> find(Reader reader, Filter filter) {
        return find(reader, filter, null);
    }

    /**
     * As {@link #find(Reader, Filter)}, narrowed to the documents whose symbol or title contains {@code text}, in any
     * case (the portal's search box); every document when {@code text} is null.
     */
    public List<Document> find(Reader reader, Filter filter, String text) {
        String sql = "WITH f(observer, symbol, year, kind, meeting_id, access, text) AS (SELECT ?::boolean, ?::text, "
                     + "?::integer, ?::text, ?::text, ?::text, lower(?::text)) "
                     + "SELECT d.symbol, d.title, d.kind, d.dated_on, d.languages, d.access, d.published_on, "
                     + "d.supersedes FROM f CROSS JOIN document d "
                     + "WHERE (f.observer OR d.access = 'PUBLIC') "
                     + "AND (f.symbol IS NULL OR d.symbol = f.symbol) "
                     + "AND (f.year IS NULL OR EXTRACT(YEAR FROM d.dated_on) = f.year) "
                     + "AND (f.kind IS NULL OR d.kind = f.kind) "
                     + "AND (f.access IS NULL OR d.access = f.access) "
                     + "AND (f.text IS NULL OR strpos(lower(d.symbol), f.text) > 0 "
                     + "OR strpos(lower(d.title), f.text) > 0) "
                     + "AND (f.meeting_id IS NULL "
                     + "OR EXISTS (SELECT 1 FROM document_tabling t WHERE t.symbol = d.symbol "
                     + "AND t.meeting_id = f.meeting_id AND " + OUTCOME_VISIBLE.formatted("t") + ") "
                     + "OR EXISTS (SELECT 1 FROM document_adoption a WHERE a.symbol = d.symbol "
                     + "AND a.meeting_id = f.meeting_id AND " + OUTCOME_VISIBLE.formatted("a") + ") "
                     + "OR EXISTS (SELECT 1 FROM document_meeting_report m WHERE m.symbol = d.symbol "
                     + "AND m.meeting_id = f.meeting_id)) "
                     + "ORDER BY d.dated_on, d.symbol";
        List<Document> documents = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setBoolean(1, reader.signedInObserver());
            select.setString(2, filter.symbol());
            select.setObject(3, filter.year(), java.sql.Types.INTEGER);
            select.setString(4, filter.kind());
            select.setString(5, filter.meetingId());
            select.setString(6, filter.access());
            select.setString(7, text);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    java.sql.Date publishedOn = row.getDate(7);
                    documents.add(new Document(row.getString(1), row.getString(2), row.getString(3),
                            row.getDate(4).toLocalDate(), Arrays.asList(row.getString(5).split(",")), row.getString(6),
                            publishedOn == null ? null : publishedOn.toLocalDate(), row.getString(8), List.of(),
                            List.of(), List.of(), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the document register", e);
        }
        return documents;
    }

    /** The documents with where they were tabled, what adopted them, what superseded them, whose report they are. */
    public List<Document> withRelations(Reader reader, List<Document> documents) {
        if (documents.isEmpty()) {
            return documents;
        }
        Map<String, List<Tabling>> tablings = new HashMap<>();
        Map<String, List<Adoption>> adoptions = new HashMap<>();
        Map<String, List<String>> supersededBy = new HashMap<>();
        Map<String, String> reports = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Array symbols = connection.createArrayOf("varchar",
                    documents.stream().map(Document::symbol).toArray(String[]::new));
            String reading = "WITH f(observer, symbols) AS (SELECT ?::boolean, ?::varchar[]) ";
            each(connection, reading + "SELECT t.symbol, t.meeting_id, t.item_id, t.item_title FROM f CROSS JOIN "
                    + "document_tabling t WHERE t.symbol = ANY(f.symbols) AND " + OUTCOME_VISIBLE.formatted("t")
                    + " ORDER BY t.meeting_id, t.item_id", reader, symbols, row -> tablings
                    .computeIfAbsent(row.getString(1), symbol -> new ArrayList<>())
                    .add(new Tabling(row.getString(2), row.getString(3), row.getString(4))));
            each(connection, reading + "SELECT a.symbol, a.meeting_id, a.decision_id, a.kind, a.adopted_on FROM f "
                    + "CROSS JOIN document_adoption a WHERE a.symbol = ANY(f.symbols) AND "
                    + OUTCOME_VISIBLE.formatted("a") + " ORDER BY a.adopted_on, a.meeting_id, a.decision_id", reader,
                    symbols, row -> adoptions.computeIfAbsent(row.getString(1), symbol -> new ArrayList<>())
                            .add(new Adoption(row.getString(2), row.getString(3), row.getString(4),
                                    row.getDate(5).toLocalDate())));
            each(connection, reading + "SELECT d.supersedes, d.symbol FROM f CROSS JOIN document d "
                    + "WHERE d.supersedes = ANY(f.symbols) AND (f.observer OR d.access = 'PUBLIC') "
                    + "ORDER BY d.dated_on, d.symbol", reader, symbols, row -> supersededBy
                    .computeIfAbsent(row.getString(1), symbol -> new ArrayList<>()).add(row.getString(2)));
            each(connection, reading + "SELECT m.symbol, m.meeting_id FROM f CROSS JOIN document_meeting_report m "
                    + "WHERE m.symbol = ANY(f.symbols) ORDER BY m.meeting_id", reader, symbols,
                    row -> reports.putIfAbsent(row.getString(1), row.getString(2)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read where the documents were tabled and adopted", e);
        }
        return documents.stream().map(d -> new Document(d.symbol(), d.title(), d.kind(), d.datedOn(), d.languages(),
                d.access(), d.publishedOn(), d.supersedes(), supersededBy.getOrDefault(d.symbol(), List.of()),
                tablings.getOrDefault(d.symbol(), List.of()), adoptions.getOrDefault(d.symbol(), List.of()),
                reports.get(d.symbol()))).toList();
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void each(Connection connection, String sql, Reader reader, Array symbols, RowReader rows)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setBoolean(1, reader.signedInObserver());
            select.setArray(2, symbols);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.read(row);
                }
            }
        }
    }
}
