package org.tcyledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.rebuild.ReadModelRebuilds;
import org.tcyledger.projection.rebuild.RebuildReport;

/**
 * What auditors verify: the global log, every aggregate's hash chain checked from what the topics carried, and
 * rebuilds of every read model from the topics that must match the live ones.
 */
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

    /**
     * {@code verified}: no break anywhere; a break names the first event of an aggregate that does not verify, or a
     * checkpoint that does not, or a signed head missing here. {@code sources}: the figures of each source.
     * {@code caughtUp}: the log had every record the topics held when verification began (within 10 s); when false, a
     * signed head missing here may still be on its way: verify again.
     */
    public record Verification(boolean verified, long aggregates, long events, List<ChainVerifier.Break> breaks,
                               List<SourceAudit.Report> sources, boolean caughtUp) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog auditLog;
    @Inject
    ReadModelRebuilds rebuilds;
    @Inject
    SourceCheckpointKeys checkpointKeys;
    @Inject
    org.tcyledger.eventsourcing.consumer.ConsumerRunner consumers;
    @Inject
    SecurityIdentity identity;

    /** The log after position {@code after}, filtered by source, subject, type and time; {@code limit} at most 1000. */
    @Operation(summary = "The global log across services in consumption order, with each event's hashes")
    @APIResponse(responseCode = "200", description = "The global log across services in consumption order, with each event's hashes", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Page.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.AUDIT_EVENTS)))
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

    /**
     * Every source's record as the projection holds it: each aggregate's chain and sequence, and each signed checkpoint
     * of the source (its signature, its order, and the heads it signed, which must all be here with the hashes signed).
     */
    @Operation(summary = "Every aggregate's hash chain, and every source's signed checkpoints, checked from what the topics carried")
    @APIResponse(responseCode = "200", description = "Every aggregate's hash chain and sequence, checked from what the topics carried", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Verification.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.VERIFICATION)))
    @GET
    @Path("/verify")
    public Verification verify() {
        // a checkpoint may be logged before the events it covers (they travel on other partitions): read the log once it
        // has what the topics held now
        boolean caughtUp = true;
        try {
            consumers.awaitCaughtUp(auditLog.group(), java.time.Duration.ofSeconds(10));
        } catch (org.tcyledger.eventsourcing.consumer.ReplicaNotCaughtUp e) {
            caughtUp = false;
        }
        CheckpointKeys keys = checkpointKeys.load();
        List<SourceAudit.Report> sources = new ArrayList<>();
        List<ChainVerifier.Break> breaks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT event_id, source, type, subject, sequence, time, actor, prevhash, hash, data "
                     + "FROM audit_event ORDER BY source, subject, sequence")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            try (ResultSet row = select.executeQuery()) {
                SourceAudit audit = null;
                while (row.next()) {
                    String source = row.getString(2);
                    if (audit == null || !audit.source().equals(source)) {
                        if (audit != null) {
                            sources.add(audit.finish());
                        }
                        audit = new SourceAudit(source, keys, checkpointKeys.grace());
                    }
                    audit.add(new EventEnvelope(row.getString(1), source, row.getString(3), row.getString(4),
                            row.getLong(5), row.getTimestamp(6).toInstant(), row.getString(7), null, null,
                            row.getString(8), row.getString(9), null, row.getBytes(10)));
                }
                if (audit != null) {
                    sources.add(audit.finish());
                }
            }
            connection.commit();
            sources.forEach(report -> breaks.addAll(report.breaks()));
            breaks.addAll(heldBack(connection, breaks));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log", e);
        }
        return new Verification(breaks.isEmpty(), sources.stream().mapToLong(SourceAudit.Report::streams).sum(),
                sources.stream().mapToLong(SourceAudit.Report::events).sum(), breaks, sources, caughtUp);
    }

    /**
     * An event that arrived before the ones it follows is held back, not logged: the log alone would look continuous.
     * Each such unhealed gap is a break of its aggregate (unless a break was found there already).
     */
    private List<ChainVerifier.Break> heldBack(Connection connection, List<ChainVerifier.Break> found) throws SQLException {
        List<ChainVerifier.Break> gaps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT ON (source, subject) subject, expected_sequence, received_sequence, event_id "
                + "FROM consumed_gap WHERE consumer_group = ? AND healed_at IS NULL "
                + "ORDER BY source, subject, expected_sequence")) {
            select.setString(1, auditLog.group());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String subject = row.getString(1);
                    if (found.stream().noneMatch(earlier -> earlier.subject().equals(subject))) {
                        gaps.add(new ChainVerifier.Break(subject, row.getLong(2), row.getString(4),
                                "sequence gap: expected " + row.getLong(2) + ", received " + row.getLong(3)
                                + "; the later event is held back until the missing ones arrive"));
                    }
                }
            }
        }
        return gaps;
    }

    /** Rebuilds every read model from offset 0 into fresh tables; the answer's Location follows its progress. */
    @Operation(summary = "Rebuild every read model from offset 0; switches over only when equal to the live tables")
    @APIResponse(responseCode = "202", description = "Rebuild every read model from offset 0; switches over only when equal to the live tables", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RebuildReport.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.REBUILD)))
    @POST
    @Path("/rebuild")
    public Response rebuild(@Context UriInfo uri) {
        RebuildReport report = rebuilds.start(identity.getPrincipal().getName());
        return Response.accepted(report)
                .location(uri.getBaseUriBuilder().path("audit/rebuild").path(report.id()).build()).build();
    }

    @Operation(summary = "Progress and result of a rebuild")
    @APIResponse(responseCode = "200", description = "Progress and result of a rebuild", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RebuildReport.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.REBUILD)))
    @GET
    @Path("/rebuild/{id}")
    public RebuildReport rebuildStatus(@PathParam("id") String id) {
        return rebuilds.find(id).orElseThrow(() -> new NotFoundException("No rebuild '" + id + "'"));
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
