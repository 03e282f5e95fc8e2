package org.tcyledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.SourceAudit;
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
    LogVerification verification;
    @Inject
    AuditLogQueries log;
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
                       @QueryParam("type") String type, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                       @QueryParam("after") @DefaultValue("0") long after,
                       @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit is between 1 and 1000");
        }
        return log.page(after, source, subject, type, from, to, limit);
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
        return verification.verify();
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

}
