package org.tcyledger.eventsourcing.consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.eventsourcing.web.Roles;

/**
 * The records this service's consumers parked (domain.md §5 "Parked records"), for auditors and the secretariat:
 * what could not be applied and why, and a retry once the cause is mended.
 */
@Path("/audit/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
public class ParkedResource {

    /** The answer of a retry. */
    public record RetryAnswer(long id, String consumerGroup, String subject, int applied, int stillParked,
                              String reason) {
    }

    private static final String PARKED_EXAMPLE = """
            [{"id":7,"consumerGroup":"projection-register","source":"/tcy/membership","subject":"PK","sequence":0,            "eventId":"0b8f…","type":"tcy.membership.MemberRegistered.v1","topic":"tcy.membership.v1","partition":3,            "offset":41,"waiting":false,"reason":"PSQLException: ERROR: invalid byte sequence for encoding \\"UTF8\\": 0x00",            "attempts":1,"parkedAt":"2026-11-30T03:10:00Z"},
             {"id":8,"consumerGroup":"projection-register","source":"/tcy/membership","subject":"PK","sequence":1,            "eventId":"5e21…","type":"tcy.membership.TreatySigned.v1","topic":"tcy.membership.v1","partition":3,            "offset":42,"waiting":true,"reason":"waits behind an earlier parked event of PK","attempts":1,            "parkedAt":"2026-11-30T03:10:01Z"}]""";
    private static final String RETRY_EXAMPLE = """
            {"id":7,"consumerGroup":"projection-register","subject":"PK","applied":2,"stillParked":0,"reason":null}""";

    @Inject
    ConsumerRunner runner;

    @Operation(summary = "Records a consumer could not apply, with their reasons; "
            + "records waiting behind an earlier parked record of their aggregate are marked waiting")
    @APIResponse(responseCode = "200", description = "The parked records, oldest first per consumer group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParkedRecords.Parked.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "example", value = PARKED_EXAMPLE)))
    @GET
    public List<ParkedRecords.Parked> list() {
        return runner.parked();
    }

    @Operation(summary = "Applies again, in order, the parked records of the aggregate "
            + "of this parked record; stops at the first that fails again")
    @APIResponse(responseCode = "200", description = "What the retry applied and what is still parked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetryAnswer.class),
                    examples = @ExampleObject(name = "example", value = RETRY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No parked record with this id")
    @POST
    @Path("/{id}/retry")
    public RetryAnswer retry(@PathParam("id") long id) {
        ConsumerRunner.RetryOf retry = runner.retryParked(id);
        if (retry == null) {
            throw new NotFoundException("No parked record " + id);
        }
        return new RetryAnswer(id, retry.parked().consumerGroup(), retry.parked().subject(), retry.outcome().applied(),
                retry.outcome().stillParked(), retry.outcome().reason());
    }
}
