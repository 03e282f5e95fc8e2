package org.tcyledger.projection.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.consultations.ConsultationSummaryQueries;
import org.tcyledger.projection.consultations.ConsultationSummaryResource.Summary;

/**
 * The Cloud Evidence Group's consultations ({@code /en/consultations}) and one consultation's tally by option and
 * stakeholder kind ({@code /en/consultations/ceg-2015-hearing}), as {@code GET /consultations/{id}/summary} answers:
 * for the committee's observers, auditors and the secretariat (anyone else is asked to sign in, 401; another role
 * is refused, 403), with the cells the Chatham House rule suppresses shown as suppressed.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class ConsultationPages {

    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;
    @Inject
    ConsultationSummaryQueries summaries;

    @GET
    @Path("/consultations")
    @Blocking
    public Response consultations(@PathParam("lang") String lang, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "consultations");
        if (!reads()) {
            return Pages.html(refusal(), ReportTemplates.consultations(page, false, List.of()), page);
        }
        return Pages.html(ReportTemplates.consultations(page, true, summaries.list()), page);
    }

    @GET
    @Path("/consultations/{id}")
    @Blocking
    public Response consultation(@PathParam("lang") String lang, @PathParam("id") String id, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "consultations");
        if (!reads()) {
            return Pages.html(refusal(), ReportTemplates.consultation(page, false, null), page);
        }
        Summary summary;
        try {
            summary = summaries.of(id);
        } catch (NotFoundException e) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    AssessmentReportPages.messages(page.lang()).consultation_unknown(id)), page);
        }
        return Pages.html(ReportTemplates.consultation(page, true, ConsultationView.of(summary)), page);
    }

    /** The roles {@code GET /consultations/{id}/summary} allows. */
    private boolean reads() {
        return identity.hasRole(Roles.OBSERVER) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SECRETARIAT);
    }

    private int refusal() {
        return identity.isAnonymous() ? 401 : 403;
    }
}
