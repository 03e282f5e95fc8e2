package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.chart.ChartCsv;
import org.tcyledger.register.TreatyChart;

/**
 * The Treaty Office chart of a treaty on a date ({@code /en/treaties/ETS185/chart?on=2014-12-02}), public like
 * {@code GET /treaties/{id}/chart}; its CSV is downloadable from a plain link ({@code .../chart.csv?on=}), the same
 * rows as the API's {@code Accept: text/csv}.
 */
// a chart row is read in the tag chartTable, whose parameters Qute does not type: its resolver is made here
@TemplateData(target = TreatyChart.Row.class)
@Path("/{lang: en|fr}")
public class ChartPage {

    @Inject
    Pages pages;
    @Inject
    TreatyChart charts;
    @Inject
    Clock clock;

    @GET
    @Path("/treaties/{id}/chart")
    @Produces(MediaType.TEXT_HTML)
    @Blocking
    public Response chart(@PathParam("lang") String lang, @PathParam("id") String id, @QueryParam("on") String on,
                          @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "chart");
        Optional<Treaty> treaty = treaty(id);
        if (treaty.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).invalid_choice(id, Pages.messages(page.lang()).treaty())), page);
        }
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        LocalDate date = problems.date(RegisterPages.blankToNull(on), LocalDate.now(clock));
        if (!problems.list().isEmpty()) {
            return Pages.html(400, Templates.chart(page, treaty.get(), List.of(Treaty.values()), on, problems.list(),
                    null, List.of(), List.of(), null, null), page);
        }
        TreatyChart.Chart chart = charts.on(treaty.get(), date);
        String csv = page.href("/treaties/" + id + "/chart.csv") + "?on=" + date;
        return Pages.html(Templates.chart(page, treaty.get(), List.of(Treaty.values()), date.toString(), List.of(),
                chart, chart.rows().stream().filter(TreatyChart.Row::councilOfEuropeMember).toList(),
                chart.rows().stream().filter(row -> !row.councilOfEuropeMember()).toList(), csv,
                "/treaties/" + id + "/chart?asOf=" + date), page);
    }

    @GET
    @Path("/treaties/{id}/chart.csv")
    @Produces(ChartCsv.MEDIA_TYPE)
    @Blocking
    public Response csv(@PathParam("id") String id, @QueryParam("on") String on) {
        Optional<Treaty> treaty = treaty(id);
        LocalDate date;
        try {
            date = on == null || on.isBlank() ? LocalDate.now(clock) : LocalDate.parse(on.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("on: not a date (YYYY-MM-DD)\n").build();
        }
        if (treaty.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No treaty '" + id + "'\n").build();
        }
        return Response.ok(ChartCsv.of(charts.on(treaty.get(), date)), ChartCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-chart-" + date + ".csv\"").build();
    }

    private static Optional<Treaty> treaty(String id) {
        return Arrays.stream(Treaty.values()).filter(treaty -> treaty.name().equals(id)).findFirst();
    }
}
