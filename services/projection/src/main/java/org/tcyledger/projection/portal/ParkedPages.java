package org.tcyledger.projection.portal;

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
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.ParkedRecords;

/**
 * The records the projection's consumers parked, for the auditors and the secretariat as {@code GET /audit/parked}
 * lists them, each with a retry as {@code POST /audit/parked/{id}/retry} does it (both call ConsumerRunner, as
 * ParkedResource): a form carrying the portal's CSRF token, answered 303 back to the list, whose query says what the
 * retry did ({@code /en/audit/parked?retried=7&applied=2&stillParked=0}).
 */
@Path("/{lang: en|fr}/audit/parked")
@Produces(MediaType.TEXT_HTML)
public class ParkedPages {

    @Inject
    Pages pages;
    @Inject
    SecurityIdentity identity;
    @Inject
    ConsumerRunner consumers;

    @GET
    @Blocking
    public Response parked(@PathParam("lang") String lang, @QueryParam("retried") String retried,
                           @QueryParam("applied") String applied, @QueryParam("stillParked") String stillParked,
                           @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri,
                           @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "audit");
        if (!AuditPages.mayAudit(identity)) {
            return refused(page);
        }
        AuditMessages text = AuditPages.messages(page.lang());
        List<String> problems = new ArrayList<>();
        Long retriedId = count(retried, problems, text);
        Long appliedCount = count(applied, problems, text);
        Long stillCount = count(stillParked, problems, text);
        String token = CsrfTokens.forForm(csrf);
        List<AuditView.Parked> parked = consumers.parked().stream().map(ParkedPages::view).toList();
        if (!problems.isEmpty()) {
            return AuditPages.withToken(Pages.html(400,
                    AuditTemplates.parked(page, true, true, token, parked, null, problems), page), token, request);
        }
        AuditView.Retried outcome = retriedId == null ? null : new AuditView.Retried(String.valueOf(retriedId),
                appliedCount == null ? 0 : appliedCount, stillCount == null ? 0 : stillCount);
        return AuditPages.withToken(Pages.html(
                AuditTemplates.parked(page, true, true, token, parked, outcome, List.of()), page), token, request);
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response retryParked(@PathParam("lang") String lang, @PathParam("id") String id,
                                @RestForm(CsrfTokens.FIELD) String token, @CookieParam(CsrfTokens.COOKIE) String csrf,
                                @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "audit");
        if (!CsrfTokens.matches(csrf, token)) {
            return AuditPages.csrfRefused(page);
        }
        if (!AuditPages.mayAudit(identity)) {
            return refused(page);
        }
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return AuditPages.notFound(page, AuditPages.messages(page.lang()).parked_unknown(id));
        }
        ConsumerRunner.RetryOf retry = consumers.retryParked(number);
        if (retry == null) {
            return AuditPages.notFound(page, AuditPages.messages(page.lang()).parked_unknown(id));
        }
        return Response.seeOther(URI.create(page.href("/audit/parked") + "?retried=" + number + "&applied="
                + retry.outcome().applied() + "&stillParked=" + retry.outcome().stillParked())).build();
    }

    private Response refused(Page page) {
        return Pages.html(AuditPages.refusalOf(identity),
                AuditTemplates.parked(page, false, false, "", List.of(), null, List.of()), page);
    }

    private static AuditView.Parked view(ParkedRecords.Parked parked) {
        return new AuditView.Parked(String.valueOf(parked.id()), parked.consumerGroup(), parked.source(),
                parked.subject(), parked.sequence(), parked.eventId(), parked.type(), parked.topic(), parked.partition(),
                parked.offset(), parked.waiting(), parked.reason(), parked.attempts(), AuditView.At.of(parked.parkedAt()));
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
}
