package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * For the auditors and the secretariat; anyone else is asked to sign in, another role is refused (403). The rebuilds
 * (RebuildPages) and the parked records (ParkedPages) are the other audit pages; what they all do alike is here.
 */
@Path("/{lang: en|fr}/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final int PAGE = 1000;
    private static final int LONGEST_VALUE = 300;

    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;
    @Inject
    LogVerification verification;
    @Inject
    AuditLogQueries log;

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

    /** The not-found page (404) with what was not found. */
    static Response notFound(Page page, String message) {
        return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(), message), page);
    }

    /** A post whose CSRF field is not its cookie's token: refused (400) before anything else is read. */
    static Response csrfRefused(Page page) {
        return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).csrf_title(),
                Pages.messages(page.lang()).csrf_failed()), page);
    }

    /** A page with a form: its answer sets the CSRF cookie of the token its form carries. */
    static Response withToken(Response page, String token, RoutingContext request) {
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
            events.add(new AuditView.Event(event.sequence(), event.type(),
                    event.time() == null ? null : AuditView.At.of(java.time.Instant.parse(event.time())), legal,
                    event.hash(), event.prevhash(), applies));
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

    private boolean audits() {
        return verifies(identity);
    }

    private int refusal() {
        return refusalOf(identity);
    }

    /** The auditors verify the record and replay its history, as AuditResource and CheckpointResource allow. */
    static boolean verifies(SecurityIdentity identity) {
        return identity.hasRole(Roles.AUDITOR);
    }

    /** The auditors and the secretariat read and retry the parked records, as ParkedResource allows. */
    static boolean mayAudit(SecurityIdentity identity) {
        return identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SECRETARIAT);
    }

    /** Anyone is asked to sign in (401); a signed-in role that does not audit is refused (403). */
    static int refusalOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? 401 : 403;
    }

    static AuditMessages messages(Language lang) {
        return lang == Language.EN ? MessageBundles.get(AuditMessages.class)
                : MessageBundles.get(AuditMessages.class, Localized.Literal.of(lang.code()));
    }

    /**
     * Whether the signed-in user may see the audit link of the navigation ({@code page.audits}): the auditors (to
     * verification) and the secretariat (to the parked records).
     */
    @TemplateExtension
    static boolean audits(Page page) {
        return page.hasRole(Roles.AUDITOR) || page.hasRole(Roles.SECRETARIAT);
    }
}
