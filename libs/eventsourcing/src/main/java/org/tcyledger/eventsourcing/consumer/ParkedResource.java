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

    @Inject
    ConsumerRunner runner;

    @Operation(operationId = "listParked", summary = "Records a consumer could not apply, with their reasons; "
            + "records waiting behind an earlier parked record of their aggregate are marked waiting")
    @GET
    public List<ParkedRecords.Parked> list() {
        return runner.parked();
    }

    @Operation(operationId = "retryParked", summary = "Applies again, in order, the parked records of the aggregate "
            + "of this parked record; stops at the first that fails again")
    @POST
    @Path("/{id}/retry")
    public RetryAnswer retry(@PathParam("id") long id) {
        ParkedRecords.Parked parked = runner.parked().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No parked record " + id));
        EventApplier.Retry retry = runner.retryParked(id);
        if (retry == null) {
            throw new NotFoundException("No parked record " + id);
        }
        return new RetryAnswer(id, parked.consumerGroup(), parked.subject(), retry.applied(), retry.stillParked(),
                retry.reason());
    }
}
