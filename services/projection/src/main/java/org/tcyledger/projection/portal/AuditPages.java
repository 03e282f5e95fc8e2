package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import java.net.URI;
import java.text.NumberFormat;
import org.jboss.resteasy.reactive.RestForm;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.ParkedRecords;
import org.tcyledger.projection.rebuild.ReadModelRebuilds;
import org.tcyledger.projection.rebuild.RebuildReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.audit.AuditLogQueries;
import org.tcyledger.projection.audit.AuditResource;
import org.tcyledger.projection.audit.LogVerification;

/**
 * The auditor's pages: the log verified as {@code GET /audit/verify} verifies it ({@code /en/audit/verify?run=1}), and
 * an aggregate's history from the log as {@code GET /audit/events?subject=} gives it, with its state replayed up to a
 * sequence or a legal date ({@code /en/audit/history?aggregate=round-1-preservation&asOf=2012-06-03&atSequence=4}).
 * For the auditors and the secretariat; anyone else is asked to sign in, another role is refused (403).
 * <p>
 * The rebuilds of the read models, as {@code POST /audit/rebuild} starts them and {@code GET /audit/rebuild/{id}}
 * reports them ({@code /en/audit/rebuilds}, {@code /en/audit/rebuilds/{id}}), for the auditors alone as the API; and
 * the records the consumers parked, retried as {@code GET /audit/parked} and {@code POST /audit/parked/{id}/retry}
 * do ({@code /en/audit/parked}). Every post carries the portal's CSRF token (CsrfTokens) and answers 303.
 */
@Path("/{lang: en|fr}/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final int PAGE = 1000;
    /** How many past rebuilds the rebuilds' page lists. */
    private static final int REBUILDS_LISTED = 20;
    /** How often a running rebuild's page reloads itself. */
    static final int REFRESH_SECONDS = 5;
    private static final int LONGEST_VALUE = 300;

    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;
    @Inject
    LogVerification verification;
    @Inject
    AuditLogQueries log;
    @Inject
    ReadModelRebuilds rebuilds;
    @Inject
    ConsumerRunner consumers;

    @GET
    @Path("/verify")
    @Blocking
    public Response verify(@PathParam("lang") String lang, @QueryParam("run") String run, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!audits()) {
            return Pages.html(refusal(), AuditTemplates.verify(page, false, AuditView.Verification.notRun()), page);
        }
        if (run == null || run.isBlank()) {
            return Pages.html(AuditTemplates.verify(page, true, AuditView.Verification.notRun()), page);
        }
        AuditResource.Verification result = verification.verify();
        AuditMessages text = messages(page.lang());
        List<AuditView.Source> sources = new ArrayList<>();
        List<AuditView.Break> breaks = new ArrayList<>();
        Set<ChainVerifier.Break> listed = new HashSet<>();
        for (SourceAudit.Report report : result.sources()) {
            sources.add(new AuditView.Source(report.source(), report.events(), report.streams(), report.checkpoints(),
                    report.covered(), report.verified()));
            for (ChainVerifier.Break broken : report.breaks()) {
                breaks.add(view(report.source(), broken, text));
                listed.add(broken);
            }
        }
        result.breaks().stream().filter(broken -> !listed.contains(broken))
                .forEach(broken -> breaks.add(view("", broken, text)));
        return Pages.html(AuditTemplates.verify(page, true, new AuditView.Verification(true, result.verified(),
                result.aggregates(), result.events(), result.caughtUp(), sources, breaks)), page);
    }

    @GET
    @Path("/history")
    @Blocking
    public Response history(@PathParam("lang") String lang, @QueryParam("aggregate") String aggregate,
                            @QueryParam("source") String source, @QueryParam("asOf") String asOf,
                            @QueryParam("atSequence") String atSequence, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        AuditView.HistoryQuery query = new AuditView.HistoryQuery(RegisterPages.blankToNull(aggregate),
                RegisterPages.blankToNull(source), RegisterPages.blankToNull(asOf),
                RegisterPages.blankToNull(atSequence));
        if (!audits()) {
            return Pages.html(refusal(), AuditTemplates.history(page, false, query, List.of(), null), page);
        }
        AuditMessages text = messages(page.lang());
        List<String> problems = new ArrayList<>();
        LocalDate on = null;
        if (query.asOf() != null) {
            try {
                on = LocalDate.parse(query.asOf());
            } catch (DateTimeParseException e) {
                problems.add(text.invalid_date(query.asOf()));
            }
        }
        Long upTo = null;
        if (query.atSequence() != null) {
            try {
                upTo = Long.parseLong(query.atSequence());
                if (upTo < 0) {
                    problems.add(text.invalid_sequence(query.atSequence()));
                }
            } catch (NumberFormatException e) {
                problems.add(text.invalid_sequence(query.atSequence()));
            }
        }
        if (!problems.isEmpty()) {
            return Pages.html(400, AuditTemplates.history(page, true, query, problems, null), page);
        }
        if (query.aggregate() == null) {
            return Pages.html(AuditTemplates.history(page, true, query, List.of(), null), page);
        }
        List<AuditResource.LoggedEvent> logged = events(query.aggregate(), query.source());
        if (logged.isEmpty()) {
            return Pages.html(404, AuditTemplates.history(page, true, query,
                    List.of(text.history_unknown(query.aggregate())), null), page);
        }
        // an id may be an aggregate of more than one source: without a source, the first logged
        String of = logged.get(0).source();
        List<AuditResource.LoggedEvent> stream = logged.stream().filter(event -> event.source().equals(of))
                .sorted(Comparator.comparingLong(AuditResource.LoggedEvent::sequence)).toList();
        return Pages.html(AuditTemplates.history(page, true, query, List.of(),
                replay(query.aggregate(), of, stream, upTo, on)), page);
    }

    @GET
    @Path("/rebuilds")
    @Blocking
    public Response rebuilds(@PathParam("lang") String lang, @CookieParam(CsrfTokens.COOKIE) String csrf,
                             @Context UriInfo uri, @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "audit");
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuilds(page, false, "", List.of(), List.of()), page);
        }
        String token = CsrfTokens.forForm(csrf);
        return withToken(Pages.html(AuditTemplates.rebuilds(page, true, token, latest(page), List.of()), page), token,
                request);
    }

    @POST
    @Path("/rebuilds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response startRebuild(@PathParam("lang") String lang, @RestForm(CsrfTokens.FIELD) String token,
                                 @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!CsrfTokens.matches(csrf, token)) {
            return csrfRefused(page);
        }
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuilds(page, false, "", List.of(), List.of()), page);
        }
        RebuildReport started;
        try {
            started = rebuilds.start(identity.getPrincipal().getName());
        } catch (RuleViolation e) {
            return Pages.html(409, AuditTemplates.rebuilds(page, true, csrf, latest(page),
                    List.of(messages(page.lang()).rebuild_already_running())), page);
        }
        return Response.seeOther(URI.create(page.href("/audit/rebuilds/") + started.id())).build();
    }

    /**
     * A rebuild's page; while it runs, it reloads itself every {@link #REFRESH_SECONDS} seconds (the answer's
     * {@code Refresh} header and a meta element) unless {@code reload=off}: a reload the user cannot stop fails WCAG
     * 2.2.1, so the page offers to stop it.
     */
    @GET
    @Path("/rebuilds/{id}")
    @Blocking
    public Response rebuild(@PathParam("lang") String lang, @PathParam("id") String id,
                            @QueryParam("reload") String reload, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!rebuilds()) {
            return Pages.html(rebuildRefusal(), AuditTemplates.rebuild(page, false, null, false, 0), page);
        }
        if (reload != null && !reload.equals("off")) {
            return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).problem_title(),
                    messages(page.lang()).invalid_reload(reload)), page);
        }
        return rebuilds.find(id).map(report -> {
            AuditView.Rebuild shown = view(report, page.lang());
            boolean reloads = shown.running() && reload == null;
            Response answer = Pages.html(AuditTemplates.rebuild(page, true, shown, reloads, REFRESH_SECONDS), page);
            return reloads ? Response.fromResponse(answer).header("Refresh", REFRESH_SECONDS).build() : answer;
        }).orElseGet(() -> notFound(page, messages(page.lang()).rebuild_unknown(id)));
    }

    @GET
    @Path("/parked")
    @Blocking
    public Response parked(@PathParam("lang") String lang, @QueryParam("retried") String retried,
                           @QueryParam("applied") String applied, @QueryParam("stillParked") String stillParked,
                           @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri,
                           @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "audit");
        if (!audits()) {
            return Pages.html(refusal(), AuditTemplates.parked(page, false, false, "", List.of(), null, List.of()),
                    page);
        }
        AuditMessages text = messages(page.lang());
        List<String> problems = new ArrayList<>();
        Long retriedId = count(retried, problems, text);
        Long appliedCount = count(applied, problems, text);
        Long stillCount = count(stillParked, problems, text);
        String token = CsrfTokens.forForm(csrf);
        List<AuditView.Parked> parked = consumers.parked().stream().map(AuditPages::view).toList();
        if (!problems.isEmpty()) {
            return withToken(Pages.html(400, AuditTemplates.parked(page, true, true, token, parked, null, problems),
                    page), token, request);
        }
        AuditView.Retried outcome = retriedId == null ? null : new AuditView.Retried(String.valueOf(retriedId),
                appliedCount == null ? 0 : appliedCount, stillCount == null ? 0 : stillCount);
        return withToken(Pages.html(AuditTemplates.parked(page, true, true, token, parked, outcome, List.of()), page),
                token, request);
    }

    @POST
    @Path("/parked/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response retryParked(@PathParam("lang") String lang, @PathParam("id") String id,
                                @RestForm(CsrfTokens.FIELD) String token, @CookieParam(CsrfTokens.COOKIE) String csrf,
                                @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!CsrfTokens.matches(csrf, token)) {
            return csrfRefused(page);
        }
        if (!audits()) {
            return Pages.html(refusal(), AuditTemplates.parked(page, false, false, "", List.of(), null, List.of()),
                    page);
        }
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return notFound(page, messages(page.lang()).parked_unknown(id));
        }
        ConsumerRunner.RetryOf retry = consumers.retryParked(number);
        if (retry == null) {
            return notFound(page, messages(page.lang()).parked_unknown(id));
        }
        return Response.seeOther(URI.create(page.href("/audit/parked") + "?retried=" + number + "&applied="
                + retry.outcome().applied() + "&stillParked=" + retry.outcome().stillParked())).build();
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

    private static AuditView.Parked view(ParkedRecords.Parked parked) {
        return new AuditView.Parked(String.valueOf(parked.id()), parked.consumerGroup(), parked.source(), parked.subject(),
                parked.sequence(), parked.eventId(), parked.type(), parked.topic(), parked.partition(), parked.offset(),
                parked.waiting(), parked.reason(), parked.attempts(), AuditView.At.of(parked.parkedAt()));
    }

    /** A whole number of the query, not negative; null when absent; a problem when it is not one. */
    private static Long count(String value, List<String> problems, AuditMessages text) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // a problem below
        }
        problems.add(text.invalid_number(value));
        return null;
    }

    private static Response notFound(Page page, String message) {
        return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(), message), page);
    }

    private static Response csrfRefused(Page page) {
        return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).csrf_title(),
                Pages.messages(page.lang()).csrf_failed()), page);
    }

    private static Response withToken(Response page, String token, RoutingContext request) {
        return Response.fromResponse(page).cookie(CsrfTokens.cookie(token, request.request().isSSL())).build();
    }

    /** Every event of the aggregate the log holds, page by page. */
    private List<AuditResource.LoggedEvent> events(String aggregate, String source) {
        List<AuditResource.LoggedEvent> all = new ArrayList<>();
        long after = 0;
        while (true) {
            AuditResource.Page found = log.page(after, source, aggregate, null, null, null, PAGE);
            all.addAll(found.events());
            if (found.nextAfter() == null) {
                return all;
            }
            after = found.nextAfter();
        }
    }

    /**
     * The aggregate's state from the events up to sequence {@code upTo} whose legal date (the first date of their
     * data named {@code ...On}) is not after {@code on}: each field as the last such event gave it.
     */
    static AuditView.History replay(String aggregate, String source, List<AuditResource.LoggedEvent> stream, Long upTo,
                                    LocalDate on) {
        List<AuditView.Event> events = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        int applied = 0;
        String lastType = null;
        boolean adopted = false;
        boolean assessment = source.contains("assessment");
        for (AuditResource.LoggedEvent event : stream) {
            LocalDate legal = legalDate(event.data());
            boolean applies = (upTo == null || event.sequence() <= upTo)
                    && (on == null || legal == null || !legal.isAfter(on));
            events.add(new AuditView.Event(event.sequence(), event.type(), event.time(),
                    legal == null ? null : legal.toString(), event.hash(), event.prevhash(), applies));
            assessment |= event.type().startsWith("tcy.assessments.");
            if (!applies) {
                continue;
            }
            applied++;
            lastType = event.type();
            adopted |= event.type().contains(".AssessmentReportAdopted.");
            if (event.data() != null && event.data().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = event.data().fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    facts.put(field.getKey(), text(field.getValue()));
                }
            }
        }
        List<AuditView.Fact> shown = facts.entrySet().stream()
                .map(fact -> new AuditView.Fact(fact.getKey(), fact.getValue())).toList();
        return new AuditView.History(aggregate, source, events, new AuditView.State(upTo == null ? null : upTo.toString(),
                on, applied, stream.size(), lastType, assessment, adopted, shown));
    }

    static LocalDate legalDate(JsonNode data) {
        if (data == null || !data.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("On") && field.getValue().isTextual()
                    && field.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    return LocalDate.parse(field.getValue().asText());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
    }

    private static AuditView.Break view(String source, ChainVerifier.Break broken, AuditMessages text) {
        String reason = broken.reason() == null ? "" : broken.reason();
        String kind = reason.startsWith("sequence gap") ? "gap"
                : reason.toLowerCase().contains("checkpoint") || reason.toLowerCase().contains("signed head")
                ? "checkpoint" : "chain";
        String label = switch (kind) {
            case "gap" -> text.kind_gap();
            case "checkpoint" -> text.kind_checkpoint();
            default -> text.kind_chain();
        };
        String historyQuery = "aggregate=" + URLEncoder.encode(String.valueOf(broken.subject()), StandardCharsets.UTF_8)
                + (source.isEmpty() ? "" : "&source=" + URLEncoder.encode(source, StandardCharsets.UTF_8));
        return new AuditView.Break(source, kind, label, broken.subject(), broken.sequence(), broken.eventId(), reason,
                historyQuery);
    }

    /** Only the auditors rebuild, as {@code POST /audit/rebuild} allows. */
    private boolean rebuilds() {
        return identity.hasRole(Roles.AUDITOR);
    }

    private int rebuildRefusal() {
        return identity.isAnonymous() ? 401 : 403;
    }

    private boolean audits() {
        return identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SECRETARIAT);
    }

    /** Anyone is asked to sign in (401); a signed-in role that does not audit is refused (403). */
    private int refusal() {
        return identity.isAnonymous() ? 401 : 403;
    }

    static AuditMessages messages(Language lang) {
        return lang == Language.EN ? MessageBundles.get(AuditMessages.class)
                : MessageBundles.get(AuditMessages.class, Localized.Literal.of(lang.code()));
    }

    /** Whether the signed-in user may rebuild the read models ({@code page.rebuilds}): an auditor. */
    @TemplateExtension
    static boolean rebuilds(Page page) {
        return Arrays.stream(page.roles().split(",\\s*")).anyMatch(role -> role.equals(Roles.AUDITOR));
    }

    /** Whether the signed-in user may see the audit link of the navigation ({@code page.audits}). */
    @TemplateExtension
    static boolean audits(Page page) {
        return Arrays.stream(page.roles().split(",\\s*"))
                .anyMatch(role -> role.equals(Roles.AUDITOR) || role.equals(Roles.SECRETARIAT));
    }
}
