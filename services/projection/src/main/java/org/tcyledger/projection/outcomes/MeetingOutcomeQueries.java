package org.tcyledger.projection.outcomes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.AgendaItem;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Decision;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Meeting;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Outcomes;

/** The meeting outcomes read model's queries: a page of meetings, and one meeting's outcomes. */
@ApplicationScoped
public class MeetingOutcomeQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /**
     * Meetings whose first day is between {@code fromDate} and {@code toDate} (inclusive), of a {@code kind}; with
     * {@code publishedOnly} (the public record) only those whose report is published.
     */
    public RestResponse<List<Meeting>> page(java.sql.Date fromDate, java.sql.Date toDate, String kind,
                                           boolean publishedOnly, Paging paging, UriInfo uri) {
        List<Meeting> meetings = new ArrayList<>();
        long total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, kind, title, venue, starts_on, ends_on, closed, report_symbol, report_published, "
                     + "count(*) OVER () FROM outcome_meeting WHERE (?::date IS NULL OR starts_on >= ?::date) "
                     + "AND (?::date IS NULL OR starts_on <= ?::date) AND (?::text IS NULL OR kind = ?) "
                     + "AND (NOT ? OR report_published IS NOT NULL) ORDER BY starts_on, id LIMIT ? OFFSET ?")) {
            bindFilter(select, fromDate, toDate, kind, publishedOnly);
            select.setInt(8, paging.size());
            select.setInt(9, paging.offset());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    meetings.add(meeting(row));
                    total = row.getLong(10);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the meetings", e);
        }
        return paging.respond(meetings, meetings.isEmpty() ? countAll(fromDate, toDate, kind, publishedOnly, paging)
                : total, uri);
    }

    /**
     * A meeting's agenda, attendance by capacity, decisions and adopted documents; 404 when it is not known, or, with
     * {@code publishedOnly} (the public record), while its report is not published.
     */
    public Outcomes of(String id, boolean publishedOnly) {
        try (Connection connection = dataSource.getConnection()) {
            Meeting meeting;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, kind, title, venue, starts_on, ends_on, closed, report_symbol, report_published "
                    + "FROM outcome_meeting WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NotFoundException("No meeting '" + id + "'");
                    }
                    meeting = meeting(row);
                }
            }
            if (publishedOnly && meeting.reportPublishedOn() == null) {
                throw new NotFoundException("The outcomes of '" + id + "' are public once its report is published");
            }
            List<AgendaItem> agenda = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT item_id, title, document_symbols "
                    + "FROM outcome_agenda_item WHERE meeting_id = ? ORDER BY position")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String symbols = row.getString(3);
                        agenda.add(new AgendaItem(row.getString(1), row.getString(2),
                                symbols.isEmpty() ? List.of() : Arrays.asList(symbols.split("\\|"))));
                    }
                }
            }
            Map<String, List<String>> attendance = new LinkedHashMap<>();
            for (String capacity : List.of("PARTY", "OBSERVER", "AD_HOC_OBSERVER")) {
                attendance.put(capacity, new ArrayList<>());
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT capacity, member_id FROM outcome_attendance WHERE meeting_id = ? ORDER BY member_id")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        attendance.get(row.getString(1)).add(row.getString(2));
                    }
                }
            }
            List<Decision> decisions = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT decision_id, agenda_item_id, kind, "
                    + "subject, version, text, vote, adopted_on FROM outcome_decision WHERE meeting_id = ? ORDER BY position")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Integer version = (Integer) row.getObject(5);
                        Decision decision = new Decision(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), version, row.getString(6), JSON.readTree(row.getString(7)),
                                row.getDate(8).toLocalDate());
                        decisions.add(decision);
                        if (decision.kind().startsWith("ADOPT_")) {
                            documents.add(decision.subject() + " version " + version);
                        }
                    }
                }
            }
            if (meeting.report() != null) {
                documents.add(meeting.report());
            }
            return new Outcomes(meeting, agenda, attendance, decisions, documents);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the outcomes of " + id, e);
        }
    }

    /** The seven parameters of the meetings filter: from, from, to, to, kind, kind, published only. */
    private static void bindFilter(PreparedStatement select, java.sql.Date from, java.sql.Date to, String kind,
                                   boolean publishedOnly) throws SQLException {
        select.setDate(1, from);
        select.setDate(2, from);
        select.setDate(3, to);
        select.setDate(4, to);
        select.setString(5, kind);
        select.setString(6, kind);
        select.setBoolean(7, publishedOnly);
    }

    /** A page past the end still says how many there are. */
    private long countAll(java.sql.Date from, java.sql.Date to, String kind, boolean publishedOnly, Paging paging) {
        if (paging.page() == 0) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM outcome_meeting WHERE (?::date IS NULL OR starts_on >= ?::date) "
                     + "AND (?::date IS NULL OR starts_on <= ?::date) AND (?::text IS NULL OR kind = ?) "
                     + "AND (NOT ? OR report_published IS NOT NULL)")) {
            bindFilter(select, from, to, kind, publishedOnly);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the meetings", e);
        }
    }

    private static Meeting meeting(ResultSet row) throws SQLException {
        java.sql.Date published = row.getDate(9);
        return new Meeting(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getDate(5).toLocalDate(), row.getDate(6).toLocalDate(), row.getBoolean(7), row.getString(8),
                published == null ? null : published.toLocalDate());
    }
}
