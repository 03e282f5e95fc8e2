package org.tcyledger.membership.member.api;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.membership.member.MemberCommands;
import org.tcyledger.membership.member.MemberState;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {


    @Inject
    Commands commands;
    @Inject
    EventStreams streams;
    @Inject
    MemberReads reads;
    @Inject
    Clock clock;
    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response register(@Valid @NotNull MemberRequests.RegisterMember body) {
        Response response = commands.created(body,
                () -> new MemberCommands.RegisterMember(body.id(), body.name(), body.kind(), body.councilOfEuropeMember()));
        return Response.fromResponse(response).location(URI.create("/members/" + body.id())).build();
    }

    @POST
    @Path("/{id}/invitations")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response invite(@PathParam("id") String id, @Valid @NotNull MemberRequests.InviteToAccede body) {
        return commands.created(body, () -> new MemberCommands.InviteToAccede(id, body.invitedOn(), body.reference()));
    }

    @POST
    @Path("/{id}/signatures")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response sign(@PathParam("id") String id, @Valid @NotNull MemberRequests.SignTreaty body) {
        return commands.created(body,
                () -> new MemberCommands.SignTreaty(id, body.treaty(), body.signedOn(), body.definitive()),
                entryIntoForceOn -> body.definitive() ? derived("entryIntoForceOn", entryIntoForceOn) : Map.of());
    }

    @POST
    @Path("/{id}/instruments")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response deposit(@PathParam("id") String id, @Valid @NotNull MemberRequests.DepositInstrument body) {
        return commands.created(body,
                () -> new MemberCommands.DepositInstrument(id, body.treaty(), body.kind(), body.depositedOn(),
                        statements(body.reservations()), statements(body.declarations())),
                entryIntoForceOn -> derived("entryIntoForceOn", entryIntoForceOn));
    }

    @POST
    @Path("/{id}/denunciations")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response denounce(@PathParam("id") String id, @Valid @NotNull MemberRequests.Denounce body) {
        return commands.created(body, () -> new MemberCommands.Denounce(id, body.treaty(), body.notifiedOn()),
                effectiveOn -> derived("effectiveOn", effectiveOn));
    }

    @POST
    @Path("/{id}/observer-status")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response grantObserverStatus(@PathParam("id") String id,
                                        @Valid @NotNull MemberRequests.GrantObserverStatus body) {
        return commands.created(body,
                () -> new MemberCommands.GrantObserverStatus(id, body.grantedOn(), body.reference()));
    }

    @DELETE
    @Path("/{id}/observer-status")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response endObserverStatus(@PathParam("id") String id,
                                      @Valid @NotNull MemberRequests.EndObserverStatus body) {
        return commands.applied(body, () -> new MemberCommands.EndObserverStatus(id, body.endedOn()));
    }

    @POST
    @Path("/{id}/representatives")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response appoint(@PathParam("id") String id, @Valid @NotNull MemberRequests.AppointRepresentative body) {
        String representativeId = UUID.randomUUID().toString();
        return commands.created(body,
                () -> new MemberCommands.AppointRepresentative(id, representativeId, body.role(), body.appointedOn(),
                        body.name(), body.email()),
                result -> derived("representativeId", result));
    }

    @DELETE
    @Path("/{id}/representatives/{rid}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response withdraw(@PathParam("id") String id, @PathParam("rid") String representativeId,
                             @Valid @NotNull MemberRequests.WithdrawRepresentative body) {
        return commands.applied(body,
                () -> new MemberCommands.WithdrawRepresentative(id, representativeId, body.withdrawnOn()));
    }

    @PUT
    @Path("/{id}/contact-point")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response designateContactPoint(@PathParam("id") String id,
                                          @Valid @NotNull MemberRequests.DesignateContactPoint body) {
        String personId = UUID.randomUUID().toString();
        return commands.applied(body,
                () -> new MemberCommands.DesignateContactPoint(id, personId, body.unit(), body.phone(), body.email(),
                        body.designatedOn()),
                result -> derived("personId", personId));
    }

    @POST
    @Path("/{id}/contact-points")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response addContactPoint(@PathParam("id") String id, @Valid @NotNull MemberRequests.AddContactPoint body) {
        String unitId = UUID.randomUUID().toString();
        String personId = body.personName() == null ? null : UUID.randomUUID().toString();
        return commands.created(body,
                () -> new MemberCommands.AddContactPoint(id, unitId, body.institution(), body.phone(), body.email(),
                        body.hours(), body.designatedOn(), personId, body.personName()),
                result -> personId == null ? derived("unitId", unitId) : Map.of("unitId", unitId, "personId", personId));
    }

    @DELETE
    @Path("/{id}/contact-points/{unitId}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response withdrawContactPoint(@PathParam("id") String id, @PathParam("unitId") String unitId,
                                         @Valid @NotNull MemberRequests.WithdrawContactPoint body) {
        return commands.applied(body, () -> new MemberCommands.WithdrawContactPoint(id, unitId, body.withdrawnOn()));
    }

    /** Reservations, declarations, their withdrawal, territorial application, authorities: {@code Notifications}. */
    @POST
    @Path("/{id}/notifications")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response notify(@PathParam("id") String id, @Valid @NotNull MemberRequests.Notify body) {
        MemberRequests.Authority a = body.authority();
        return commands.created(body, () -> new MemberCommands.Notify(id, body.treaty(), body.kind(), body.article(),
                body.notifiedOn(), body.effectiveOn(), body.text(), a == null ? null
                : new MembershipEvent.Authority(a.function(), a.institution(), a.address(), a.phone(), a.email())));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response correct(@PathParam("id") String id, @Valid @NotNull MemberRequests.CorrectFact body) {
        return commands.created(body,
                () -> new MemberCommands.CorrectFact(id, body.correctsEventId(), body.reason(), body.invitedOn(),
                        body.reference(), body.treaty(), body.signedOn(), body.kind(), body.depositedOn(),
                        statements(body.reservations()), statements(body.declarations()), body.notifiedOn()),
                correction -> derived("correction", correction));
    }

    /** The register on a date, as the secretariat reads it (personal data of contact points included). */
    @GET
    @RolesAllowed(Roles.SECRETARIAT)
    public List<RegisterEntry> registerOn(@QueryParam("asOf") LocalDate asOf, @QueryParam("treaty") Treaty treaty,
                                                    @QueryParam("status") TreatyStatus status) {
        return reads.register(asOf == null ? LocalDate.now(clock) : asOf,
                treaty == null ? Treaty.ETS185 : treaty, status);
    }

    /**
     * The member on a legal date ({@code asOf}, default today), from the events recorded up to {@code atSequence}
     * or by {@code recordedAt}, when an auditor asks what was known then.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public MemberView member(@PathParam("id") String id, @QueryParam("asOf") LocalDate asOf,
                             @QueryParam("atSequence") Long atSequence, @QueryParam("recordedAt") Instant recordedBy) {
        MemberState state = reads.state(id, atSequence, recordedBy)
                .orElseThrow(() -> new NotFoundException("No member with id '" + id + "' was recorded"
                        + (atSequence != null || recordedBy != null ? " at that point" : "")));
        TreatyCalendar calendar = reads.calendar(recordedBy);
        return reads.view(state, asOf == null ? LocalDate.now(clock) : asOf, calendar,
                identity.hasRole(Roles.SECRETARIAT) ? MemberReads.PersonalDataReader.OPENED
                        : MemberReads.PersonalDataReader.SEALED);
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        return streams.audited(id);
    }

    static Map<String, Object> derived(String name, Object value) {
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put(name, value);
        return derived;
    }

    private static List<ArticleStatement> statements(List<MemberRequests.ArticleStatement> given) {
        return given == null ? List.of()
                : given.stream().map(s -> new ArticleStatement(s.article(), s.text())).toList();
    }
}
