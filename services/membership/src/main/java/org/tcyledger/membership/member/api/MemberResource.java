package org.tcyledger.membership.member.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.membership.member.MemberCommands;
import org.tcyledger.membership.member.MemberState;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String CORRELATION_ID = "X-Correlation-Id";

    @Inject
    Commands commands;
    @Inject
    EventStreams streams;
    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response register(@Valid @NotNull MemberRequests.RegisterMember body,
                             @HeaderParam(IDEMPOTENCY_KEY) String key, @HeaderParam(CORRELATION_ID) String correlation) {
        Response response = commands.send(key, correlation, "POST /members", body,
                new MemberCommands.RegisterMember(body.id(), body.name(), body.kind(), body.councilOfEuropeMember()),
                201, result -> Map.of());
        return Response.fromResponse(response).location(URI.create("/members/" + body.id())).build();
    }

    @POST
    @Path("/{id}/signatures")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response sign(@PathParam("id") String id, @Valid @NotNull MemberRequests.SignTreaty body,
                         @HeaderParam(IDEMPOTENCY_KEY) String key, @HeaderParam(CORRELATION_ID) String correlation) {
        return commands.send(key, correlation, "POST /members/" + id + "/signatures", body,
                new MemberCommands.SignTreaty(id, body.treaty(), body.signedOn()), 201, result -> Map.of());
    }

    @POST
    @Path("/{id}/instruments")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response deposit(@PathParam("id") String id, @Valid @NotNull MemberRequests.DepositInstrument body,
                            @HeaderParam(IDEMPOTENCY_KEY) String key, @HeaderParam(CORRELATION_ID) String correlation) {
        return commands.send(key, correlation, "POST /members/" + id + "/instruments", body,
                new MemberCommands.DepositInstrument(id, body.treaty(), body.kind(), body.depositedOn(),
                        statements(body.reservations()), statements(body.declarations())),
                201, entryIntoForceOn -> {
                    Map<String, Object> derived = new java.util.LinkedHashMap<>();
                    derived.put("entryIntoForceOn", entryIntoForceOn);
                    return derived;
                });
    }

    /**
     * The member on a legal date ({@code asOf}, default today), from the events recorded up to {@code atSequence}
     * or {@code recordedAt} when an auditor asks what was known then.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public MemberView member(@PathParam("id") String id, @QueryParam("asOf") String asOf,
                             @QueryParam("atSequence") Long atSequence, @QueryParam("recordedAt") String recordedAt) {
        Instant recordedBy = recordedAt == null ? null : instant("recordedAt", recordedAt);
        List<EventStreams.Recorded> history = streams.history(id);
        if (history.isEmpty()) {
            throw new NotFoundException("No member with id '" + id + "'");
        }
        MemberState state = MemberState.UNREGISTERED;
        for (EventStreams.Recorded recorded : history) {
            if (atSequence != null && recorded.envelope().sequence() > atSequence
                || recordedBy != null && recorded.envelope().time().isAfter(recordedBy)) {
                break;
            }
            state = state.evolve((MembershipEvent) recorded.event());
        }
        if (state.id() == null) {
            throw new NotFoundException("Member '" + id + "' was not recorded yet at that point");
        }
        return MemberView.of(state, asOf == null ? LocalDate.now(clock) : date("asOf", asOf));
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        List<EventStreams.StoredEvent> events = streams.envelopes(id).stream().map(EventStreams::view).toList();
        if (events.isEmpty()) {
            throw new NotFoundException("No member with id '" + id + "'");
        }
        return events;
    }

    private static List<ArticleStatement> statements(List<MemberRequests.ArticleStatement> given) {
        return given == null ? List.of()
                : given.stream().map(s -> new ArticleStatement(s.article(), s.text())).toList();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date like 2014-12-02, not '" + value + "'");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a UTC time like 2026-01-05T10:00:00Z, not '" + value + "'");
        }
    }
}
