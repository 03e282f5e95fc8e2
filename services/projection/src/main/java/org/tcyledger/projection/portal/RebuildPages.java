package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.text.NumberFormat;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.rebuild.ReadModelRebuilds;
import org.tcyledger.projection.rebuild.RebuildReport;

/**
 * The rebuilds of the read models, for the auditors alone as the API: started as {@code POST /audit/rebuild} starts
 * them, by a form carrying the portal's CSRF token (CsrfTokens), answered 303 to the rebuild's page; that page shows
 * the report {@code GET /audit/rebuild/{id}} gives, its progress while it runs, then its comparison table by table
 * ({@code /en/audit/rebuilds}, {@code /en/audit/rebuilds/{id}}).
 */
@Path("/{lang: en|fr}/audit/rebuilds")
@Produces(MediaType.TEXT_HTML)
public class RebuildPages {

    /** How many past rebuilds the rebuilds' page lists. */
    private static final int REBUILDS_LISTED = 20;
    /** How often a running rebuild's page reloads itself. */
    static final int REFRESH_SECONDS = 5;

    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;
    @Inject
    ReadModelRebuilds rebuilds;

    @GET
    @Blocking
    public Response rebuilds(@PathParam("lang") String lang, @CookieParam(CsrfTokens.COOKIE) String csrf,
                             @Context UriInfo uri, @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "audit");
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuilds(page, false, "", List.of(), List.of()), page);
        }
        String token = CsrfTokens.forForm(csrf);
        return AuditPages.withToken(Pages.html(AuditTemplates.rebuilds(page, true, token, latest(page), List.of()), page),
                token, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response startRebuild(@PathParam("lang") String lang, @RestForm(CsrfTokens.FIELD) String token,
                                 @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!CsrfTokens.matches(csrf, token)) {
            return AuditPages.csrfRefused(page);
        }
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuilds(page, false, "", List.of(), List.of()), page);
        }
        RebuildReport started;
        try {
            started = rebuilds.start(identity.getPrincipal().getName());
        } catch (RuleViolation e) {
            return Pages.html(409, AuditTemplates.rebuilds(page, true, csrf, latest(page),
                    List.of(AuditPages.messages(page.lang()).rebuild_already_running())), page);
        }
        return Response.seeOther(URI.create(page.href("/audit/rebuilds/") + started.id())).build();
    }

    /**
     * A rebuild's page; while it runs, it reloads itself every {@link #REFRESH_SECONDS} seconds (the answer's
     * {@code Refresh} header and a meta element) unless {@code reload=off}: a reload the user cannot stop fails WCAG
     * 2.2.1, so the page offers to stop it.
     */
    @GET
    @Path("/{id}")
    @Blocking
    public Response rebuild(@PathParam("lang") String lang, @PathParam("id") String id,
                            @QueryParam("reload") String reload, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuild(page, false, null, false, 0), page);
        }
        if (reload != null && !reload.equals("off")) {
            return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).problem_title(),
                    AuditPages.messages(page.lang()).invalid_reload(reload)), page);
        }
        return rebuilds.find(id).map(report -> {
            AuditView.Rebuild shown = view(report, page.lang());
            boolean reloads = shown.running() && reload == null;
            Response answer = Pages.html(AuditTemplates.rebuild(page, true, shown, reloads, REFRESH_SECONDS), page);
            return reloads ? Response.fromResponse(answer).header("Refresh", REFRESH_SECONDS).build() : answer;
        }).orElseGet(() -> AuditPages.notFound(page, AuditPages.messages(page.lang()).rebuild_unknown(id)));
    }

    private List<AuditView.Rebuild> latest(Page page) {
        return rebuilds.latest(REBUILDS_LISTED).stream().map(report -> view(report, page.lang())).toList();
    }

    static AuditView.Rebuild view(RebuildReport report, Language lang) {
        long toRead = report.readModels().stream().mapToLong(RebuildReport.ReadModel::endOffsets).sum();
        boolean running = RebuildReport.RUNNING.equals(report.state());
        List<AuditView.ReadModel> models = report.readModels().stream().map(model -> new AuditView.ReadModel(
                model.group(), String.join(", ", model.topics()), model.events(), model.applied(), model.duplicates(),
                model.gaps(), model.endOffsets())).toList();
        List<AuditView.Difference> differences = report.differences().stream().map(difference ->
                new AuditView.Difference(difference.table(), String.join(", ", difference.key()),
                        String.join(", ", difference.columns()), difference.onlyLive(), difference.onlyRebuilt()))
                .toList();
        return new AuditView.Rebuild(report.id(), report.state(), running, RebuildReport.DONE.equals(report.state()),
                RebuildReport.FAILED.equals(report.state()), report.equal(), report.switched(), report.requestedBy(),
                AuditView.At.of(report.requestedAt()), AuditView.At.of(report.finishedAt()), report.schema(),
                AuditView.At.of(report.keptUntil()), report.events(), Math.min(report.events(), toRead), toRead,
                seconds(report.applySeconds(), lang), report.eventsPerSecond(), seconds(report.compareSeconds(), lang),
                models, differences, report.error());
    }

    private static String seconds(double seconds, Language lang) {
        NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(seconds);
    }

    /** Only the auditors rebuild, as {@code POST /audit/rebuild} allows. */
    private boolean rebuilds() {
        return identity.hasRole(Roles.AUDITOR);
    }

    private int rebuildRefusal() {
        return AuditPages.refusalOf(identity);
    }

    /** Whether the signed-in user may rebuild the read models ({@code page.rebuilds}): an auditor. */
    @TemplateExtension
    static boolean rebuilds(Page page) {
        return page.hasRole(Roles.AUDITOR);
    }
}
