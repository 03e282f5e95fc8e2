package org.tcyledger.projection.chart;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.ReadYourWrites;
import org.tcyledger.register.MemberRegister;
import org.tcyledger.register.TreatyChart;

/**
 * The Treaty Office's chart of signatures and ratifications of a treaty on a date: part of the public record, read
 * by anyone, signed in or not (domain.md §5). The same rows as JSON or, with {@code Accept: text/csv}, as CSV.
 */
@Path("/treaties/{id}/chart")
@PermitAll
public class TreatyChartResource {

    @Inject
    TreatyChart charts;
    @Inject
    MemberRegister register;
    @Inject
    ReadYourWrites readYourWrites;
    @Inject
    Clock clock;

    @Operation(summary = "The chart of signatures and ratifications of a treaty on a date (public)")
    @APIResponse(responseCode = "200", description = "The chart on asOf (today by default): one row per State, "
            + "Council of Europe members first, then the others, each by name; dates after asOf are null",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TreatyChart.Chart.class),
                            examples = @ExampleObject(name = "example", value = ApiExamples.CHART)),
                    @Content(mediaType = ChartCsv.MEDIA_TYPE,
                            examples = @ExampleObject(name = "example", value = ApiExamples.CHART_CSV))})
    @APIResponse(responseCode = "404", description = "No such treaty (ETS185, ETS189, CETS224)")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Uni<TreatyChart.Chart> chart(@PathParam("id") String id, @QueryParam("asOf") LocalDate asOf,
                                        @QueryParam("after") String after) {
        Treaty treaty = treaty(id);
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        return readYourWrites.after(register.group(), after, () -> charts.on(treaty, on));
    }

    @GET
    @Produces(ChartCsv.MEDIA_TYPE)
    @Blocking
    public Uni<String> csv(@PathParam("id") String id, @QueryParam("asOf") LocalDate asOf,
                           @QueryParam("after") String after) {
        return chart(id, asOf, after).map(ChartCsv::of);
    }

    private static Treaty treaty(String id) {
        return Arrays.stream(Treaty.values()).filter(treaty -> treaty.name().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No treaty '" + id + "': the treaties are ETS185, ETS189 and "
                                                         + "CETS224"));
    }
}
