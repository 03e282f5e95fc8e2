package org.tcyledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.web.Roles;

/** What auditors verify: the global log, and every aggregate's hash chain checked from what the topics carried. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of the log: {@code position} is its place in consumption order. */
    public record LoggedEvent(long position, String id, String source, String type, String subject, long sequence,
                              String time, String actor, String correlationId, String causationId, JsonNode data,
                              String prevhash, String hash) {
    }

    public record Page(List<LoggedEvent> events, Long nextAfter) {
    }

    /** {@code verified}: no break anywhere; a break names the first event of an aggregate that does not verify. */
    public record Verification(boolean verified, long aggregates, long events, List<ChainVerifier.Break> breaks) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The log after position {@code after}, filtered by source, subject, type and time; {@code limit} at most 1000. */
    @GET
    @Path("/events")
    public Page events(@QueryParam("source") String source, @QueryParam("subject") String subject,
                       @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("after") @DefaultValue("0") long after,
                       @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit is between 1 and 1000");
        }
        StringBuilder sql = new StringBuilder("SELECT position, event_id, source, type, subject, sequence, time, actor, "
                + "correlation_id, causation_id, data, prevhash, hash FROM audit_event WHERE position > ?");
        List<Object> values = new ArrayList<>(List.of(after));
        filter(sql, values, "source = ?", source);
        filter(sql, values, "subject = ?", subject);
        filter(sql, values, "type = ?", type);
        filter(sql, values, "time >= ?", from == null ? null : Timestamp.from(instant("from", from)));
        filter(sql, values, "time < ?", to == null ? null : Timestamp.from(instant("to", to)));
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

    /** Recomputes every aggregate's chain and checks its sequence is continuous, from the events as consumed. */
    @GET
    @Path("/verify")
    public Verification verify() {
        List<ChainVerifier.Break> breaks = new ArrayList<>();
        long aggregates = 0;
        long events = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT event_id, source, type, subject, sequence, time, actor, prevhash, hash, data "
                     + "FROM audit_event ORDER BY source, subject, sequence")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            try (ResultSet row = select.executeQuery()) {
                List<EventEnvelope> stream = new ArrayList<>();
                String current = null;
                while (row.next()) {
                    String aggregate = row.getString(2) + " " + row.getString(4);
                    if (!aggregate.equals(current)) {
                        if (current != null) {
                            ChainVerifier.firstBreak(stream).ifPresent(breaks::add);
                            aggregates++;
                        }
                        stream = new ArrayList<>();
                        current = aggregate;
                    }
                    stream.add(new EventEnvelope(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getLong(5), row.getTimestamp(6).toInstant(), row.getString(7), null, null,
                            row.getString(8), row.getString(9), null, row.getBytes(10)));
                    events++;
                }
                if (current != null) {
                    ChainVerifier.firstBreak(stream).ifPresent(breaks::add);
                    aggregates++;
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log", e);
        }
        return new Verification(breaks.isEmpty(), aggregates, events, breaks);
    }

    private static void filter(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " is a UTC time like 2026-01-05T10:00:00Z");
        }
    }
}
