package org.tcyledger.projection.bodies;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.projection.infra.ReadYourWrites;

/**
 * The committee's working bodies (domain.md §2, Governance) with their mandates, as established and extended, and
 * their meetings. Part of the public record, read by anyone, signed in or not (domain.md §5).
 */
@Path("/working-bodies")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class WorkingBodyResource {

    /** An EXTEND_MANDATE decision: the new end of the mandate, and the meeting and decision that set it. */
    public record Extension(LocalDate mandateUntil, String meetingId, String decisionId, LocalDate extendedOn) {
    }

    public record BodyMeeting(String meetingId, String title, MeetingKind kind, LocalDate startsOn,
                              LocalDate endsOn) {
    }

    /** {@code establishedAt}: the meeting whose decision established it; {@code mandateUntil}: the latest end. */
    public record WorkingBody(String id, String name, WorkingBodyKind kind, String termsOfReference,
                              LocalDate establishedOn, String establishedAt, LocalDate mandateUntil,
                              List<Extension> extensions, List<String> members, List<BodyMeeting> meetings) {
    }

    @Inject
    WorkingBodyQueries bodies;
    @Inject
    ReadYourWrites readYourWrites;

    @Operation(summary = "The working bodies with their mandates and meetings (public)")
    @APIResponse(responseCode = "200", description = "Every working body in order of establishment; paged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WorkingBody.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "example", value = ApiExamples.WORKING_BODIES)))
    @GET
    @Blocking
    public Uni<RestResponse<List<WorkingBody>>> list(@QueryParam("page") @DefaultValue("0") int page,
                                                     @QueryParam("size") @DefaultValue("50") int size,
                                                     @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        return readYourWrites.after(WorkingBodiesProjection.GROUP, after, () -> paging.of(bodies.find(null), uri));
    }

    @Operation(summary = "One working body with its mandate and meetings (public)")
    @APIResponse(responseCode = "200", description = "The working body", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkingBody.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.WORKING_BODY)))
    @APIResponse(responseCode = "404", description = "No working body of that id was established")
    @GET
    @Path("/{id}")
    @Blocking
    public Uni<WorkingBody> body(@PathParam("id") String id, @QueryParam("after") String after) {
        return readYourWrites.after(WorkingBodiesProjection.GROUP, after, () -> bodies.find(id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No working body '" + id + "'")));
    }
}
