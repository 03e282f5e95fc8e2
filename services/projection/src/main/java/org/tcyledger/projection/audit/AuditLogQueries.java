package org.tcyledger.projection.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.projection.audit.AuditResource.LoggedEvent;
import org.tcyledger.projection.audit.AuditResource.Page;

/** The audit log's query: a page of events in consumption order, filtered by source, subject, type and time. */
@ApplicationScoped
public class AuditLogQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** The events after position {@code after}: at most {@code limit}, and where the next page starts. */
    public Page page(long after, String source, String subject, String type, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT position, event_id, source, type, subject, sequence, time, actor, "
                + "correlation_id, causation_id, data, prevhash, hash FROM audit_event WHERE position > ?");
        List<Object> values = new ArrayList<>(List.of(after));
        filter(sql, values, "source = ?", source);
        filter(sql, values, "subject = ?", subject);
        filter(sql, values, "type = ?", type);
        filter(sql, values, "time >= ?", from == null ? null : Timestamp.from(from));
        filter(sql, values, "time < ?", to == null ? null : Timestamp.from(to));
        sql.append(" ORDER BY position LIMIT ?");
        values.add(limit + 1);
        List<LoggedEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(new LoggedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getLong(6), ChainHash.rfc3339Micros(row.getTimestamp(7).toInstant()),
                            row.getString(8), row.getString(9), row.getString(10), JSON.readTree(row.getBytes(11)),
                            row.getString(12), row.getString(13)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
        boolean more = events.size() > limit;
        List<LoggedEvent> page = more ? events.subList(0, limit) : events;
        return new Page(page, more ? page.get(page.size() - 1).position() : null);
    }

    private static void filter(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }
}
