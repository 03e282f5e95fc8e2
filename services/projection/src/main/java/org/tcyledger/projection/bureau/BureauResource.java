package org.tcyledger.projection.bureau;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.ReadYourWrites;

/**
 * The Bureau on a day (domain.md §2, Governance): who held which post, for which term, elected by which decision.
 * Part of the public record, read by anyone, signed in or not (domain.md §5).
 */
@Path("/bureau")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class BureauResource {

    /** {@code electedAt}: the meeting whose decision {@code decisionId} elected the member. */
    public record Seat(String memberId, String name, BureauPost post, LocalDate termFrom, LocalDate termUntil,
                       String electedAt, String decisionId) {
    }

    public record Bureau(LocalDate asOf, List<Seat> seats) {
    }

    @Inject
    BureauQueries bureau;
    @Inject
    ReadYourWrites readYourWrites;
    @Inject
    Clock clock;

    @Operation(summary = "The Bureau on a date (public)")
    @APIResponse(responseCode = "200", description = "The members whose term covers asOf (today by default): the "
            + "Chair, then the Vice-chair, then the members by name", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bureau.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.BUREAU)))
    @APIResponse(responseCode = "400", description = "asOf is not a date (yyyy-mm-dd)")
    @GET
    @Blocking
    public Uni<Bureau> on(@QueryParam("asOf") LocalDate asOf, @QueryParam("after") String after) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        return readYourWrites.after(BureauProjection.GROUP, after, () -> bureau.on(on));
    }
}
