package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.projection.infra.PublicRecord;
import org.tcyledger.projection.reports.AssessmentReportQueries;
import org.tcyledger.projection.reports.AssessmentReportResource.Report;

/**
 * Adopted assessment reports ({@code /en/assessment-reports?party=EE&from=2012-01-01}) and one report with its
 * follow-up matrix ({@code /en/assessment-reports/round-1-preservation?on=2014-06-01}), as
 * {@code GET /assessment-reports} answers the caller: adopted reports only (drafts are shown to nobody, the
 * secretariat included, as in the API), and for the public record those whose document is PUBLIC.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class AssessmentReportPages {

    @Inject
    Pages pages;
    @Inject
    PublicRecord publicRecord;
    @Inject
    AssessmentReportQueries reports;
    @Inject
    org.tcyledger.register.MemberRegister register;

    @GET
    @Path("/assessment-reports")
    @Blocking
    public Response reports(@PathParam("lang") String lang, @QueryParam("article") String article,
                            @QueryParam("party") String party, @QueryParam("from") String from,
                            @QueryParam("to") String to, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "reports");
        ReportView.Query query = new ReportView.Query(RegisterPages.blankToNull(article),
                RegisterPages.blankToNull(party), RegisterPages.blankToNull(from), RegisterPages.blankToNull(to));
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        LocalDate fromDate = problems.date(query.from(), null);
        LocalDate toDate = problems.date(query.to(), null);
        if (!problems.list().isEmpty()) {
            return Pages.html(400, ReportTemplates.reports(page, query, problems.list(), List.of()), page);
        }
        boolean onlyPublic = publicRecord.onlyPublic();
        List<Report> found = publicRecord.readable(onlyPublic,
                reports.find(query.article(), query.party(), fromDate, toDate), Report::documentSymbol);
        return Pages.html(ReportTemplates.reports(page, query, List.of(), found), page);
    }

    @GET
    @Path("/assessment-reports/{cycleId}")
    @Blocking
    public Response report(@PathParam("lang") String lang, @PathParam("cycleId") String cycleId,
                           @QueryParam("on") String on, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "reports");
        String asked = RegisterPages.blankToNull(on);
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        LocalDate date = problems.date(asked, null);
        if (!problems.list().isEmpty()) {
            return Pages.html(400, ReportTemplates.report(page, asked, problems.list(), null), page);
        }
        List<Report> found = publicRecord.readable(publicRecord.onlyPublic(), reports.adopted(cycleId),
                Report::documentSymbol);
        if (found.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    messages(page.lang()).report_unknown(cycleId)), page);
        }
        ReportView view = ReportView.of(found.get(0), reports.followUpHistory(cycleId), date, register::names);
        return Pages.html(ReportTemplates.report(page, asked, List.of(), view), page);
    }

    static ReportMessages messages(Language lang) {
        return lang == Language.EN ? MessageBundles.get(ReportMessages.class)
                : MessageBundles.get(ReportMessages.class, Localized.Literal.of(lang.code()));
    }
}
