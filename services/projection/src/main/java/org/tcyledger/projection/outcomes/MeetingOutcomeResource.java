package org.tcyledger.projection.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;

/**
 * What observers read of the committee's meetings: when, what was on the agenda, who sat how, what was decided.
 * Anyone, signed in or not, reads the meetings whose report is published (the public record, domain.md §5).
 */
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
public class MeetingOutcomeResource {

    public record Meeting(String id, String kind, String title, String venue, LocalDate startsOn, LocalDate endsOn,
                          boolean closed, String report, LocalDate reportPublishedOn) {
    }

    public record AgendaItem(String itemId, String title, List<String> documentSymbols) {
    }

    public record Decision(String decisionId, String agendaItemId, String kind, String subject, Integer version,
                           String text, JsonNode vote, LocalDate adoptedOn) {
    }

    public record Outcomes(Meeting meeting, List<AgendaItem> agenda, Map<String, List<String>> attendance,
                           List<Decision> decisions, List<String> documentsAdopted) {
    }

    @Inject
    MeetingOutcomeQueries outcomes;
    @Inject
    org.tcyledger.projection.infra.PublicRecord publicRecord;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    /** Meetings whose first day is between {@code from} and {@code to} (inclusive), of a {@code kind}; paged. */
    @Operation(summary = "Meetings by date and kind")
    @APIResponse(responseCode = "200", description = "Meetings by date and kind", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Meeting.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = ApiExamples.MEETINGS)))
    @GET
    @Blocking
    public Uni<RestResponse<List<Meeting>>> meetings(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                @QueryParam("kind") String kind,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size,
                                                @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-meetings", after,
                () -> outcomes.page(sqlDate(from), sqlDate(to), kind, onlyPublic, paging, uri));
    }

    @Operation(summary = "A meeting's agenda, attendance by capacity, decisions and adopted documents")
    @APIResponse(responseCode = "200", description = "A meeting's agenda, attendance by capacity, decisions and adopted documents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Outcomes.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.OUTCOMES)))
    @GET
    @Path("/{id}/outcomes")
    @Blocking
    public Uni<Outcomes> outcomes(@PathParam("id") String id, @QueryParam("after") String after) {
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-meetings", after, () -> outcomes.of(id, onlyPublic));
    }

    private static java.sql.Date sqlDate(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
