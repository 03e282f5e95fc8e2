package org.tcyledger.projection.bodies;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.projection.bodies.WorkingBodyResource.BodyMeeting;
import org.tcyledger.projection.bodies.WorkingBodyResource.Extension;
import org.tcyledger.projection.bodies.WorkingBodyResource.WorkingBody;

/**
 * The working bodies read model's one query: every body (or one), in order of establishment, with its extensions in
 * order, its members as the decision listed them and its meetings by first day. The mandate runs until the latest
 * date any of its decisions set (an extension only ever goes beyond the end).
 */
@ApplicationScoped
public class WorkingBodyQueries {

    /** Every filter bound once, as the column {@code id} of the one-row relation f. */
    private static final String F = "WITH f(id) AS (SELECT ?::text) ";

    @Inject
    AgroalDataSource dataSource;

    /** @param id one body, or every one when null */
    public List<WorkingBody> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<Extension>> extensions = new HashMap<>();
            Map<String, List<String>> members = new HashMap<>();
            Map<String, List<BodyMeeting>> meetings = new HashMap<>();
            try (ResultSet row = select(connection, F + "SELECT e.body_id, e.mandate_until, e.meeting_id, "
                    + "e.decision_id, e.extended_on FROM f CROSS JOIN working_body_extension e "
                    + "WHERE f.id IS NULL OR e.body_id = f.id ORDER BY e.extended_on, e.mandate_until", id)) {
                while (row.next()) {
                    extensions.computeIfAbsent(row.getString(1), body -> new ArrayList<>()).add(new Extension(
                            date(row, 2), row.getString(3), row.getString(4), date(row, 5)));
                }
            }
            try (ResultSet row = select(connection, F + "SELECT m.body_id, m.member_id FROM f CROSS JOIN "
                    + "working_body_member m WHERE f.id IS NULL OR m.body_id = f.id ORDER BY m.body_id, m.position", id)) {
                while (row.next()) {
                    members.computeIfAbsent(row.getString(1), body -> new ArrayList<>()).add(row.getString(2));
                }
            }
            try (ResultSet row = select(connection, F + "SELECT m.body_id, m.meeting_id, m.title, m.kind, m.starts_on, "
                    + "m.ends_on FROM f CROSS JOIN working_body_meeting m WHERE f.id IS NULL OR m.body_id = f.id "
                    + "ORDER BY m.starts_on, m.meeting_id", id)) {
                while (row.next()) {
                    meetings.computeIfAbsent(row.getString(1), body -> new ArrayList<>()).add(new BodyMeeting(
                            row.getString(2), row.getString(3), MeetingKind.valueOf(row.getString(4)), date(row, 5),
                            date(row, 6)));
                }
            }
            List<WorkingBody> bodies = new ArrayList<>();
            try (ResultSet row = select(connection, F + "SELECT b.id, b.name, b.kind, b.terms_of_reference, "
                    + "b.established_on, b.meeting_id, b.mandate_until FROM f CROSS JOIN working_body b "
                    + "WHERE f.id IS NULL OR b.id = f.id ORDER BY b.established_on, b.id", id)) {
                while (row.next()) {
                    String body = row.getString(1);
                    List<Extension> extended = extensions.getOrDefault(body, List.of());
                    LocalDate mandateUntil = extended.stream().map(Extension::mandateUntil)
                            .reduce(date(row, 7), (a, b) -> a.isAfter(b) ? a : b);
                    bodies.add(new WorkingBody(body, row.getString(2), WorkingBodyKind.valueOf(row.getString(3)),
                            row.getString(4), date(row, 5), row.getString(6), mandateUntil, extended,
                            members.getOrDefault(body, List.of()), meetings.getOrDefault(body, List.of())));
                }
            }
            return bodies;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the working bodies", e);
        }
    }

    private static ResultSet select(Connection connection, String sql, String id) throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        select.closeOnCompletion();
        select.setString(1, id);
        return select.executeQuery();
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getDate(column).toLocalDate();
    }
}
