package org.tcyledger.projection.consultations;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;

/**
 * The tally of a consultation: per option, per stakeholder kind, how many submissions supported, opposed or were
 * neutral. Under the Chatham House rule a cell that could single out one stakeholder is suppressed ({@link ChathamHouse}).
 */
@Path("/consultations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OBSERVER, Roles.AUDITOR, Roles.SECRETARIAT})
public class ConsultationSummaryResource {

    /** {@code count} is null when {@code suppressed}. */
    public record Cell(String optionId, String kind, String stance, Integer count, boolean suppressed) {
    }

    public record Summary(String consultationId, String title, boolean chathamHouse, JsonNode options, List<Cell> tally) {
    }

    @Inject
    ConsultationSummaryQueries summaries;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    @Operation(summary = "Stances per option and stakeholder kind, never who took them")
    @APIResponse(responseCode = "200", description = "Stances per option and stakeholder kind, never who took them", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Summary.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.SUMMARY)))
    @GET
    @Path("/{id}/summary")
    @Blocking
    public Uni<Summary> summary(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("after") String after) {
        return readYourWrites.after("projection-consultations", after, () -> summaries.of(id));
    }
}
