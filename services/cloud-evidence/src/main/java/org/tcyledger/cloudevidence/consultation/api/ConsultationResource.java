package org.tcyledger.cloudevidence.consultation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.cloudevidence.consultation.AttributionSeal;
import org.tcyledger.cloudevidence.consultation.ChathamHouse;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands;
import org.tcyledger.cloudevidence.consultation.ConsultationState;
import org.tcyledger.cloudevidence.consultation.StakeholderNames;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Position;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Stance;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;

/** Consultations for the secretariat, who alone reads who said what; auditors read the sealed stream. */
@Path("/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public record OptionText(@NotBlank @Size(max = 10) String id, @NotBlank @Size(max = 2000) String text) {
    }

    public record OpenConsultation(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 300) String title,
                                   @NotBlank @Size(max = 5000) String question,
                                   @NotEmpty @Size(max = 1000) List<@Valid @NotNull OptionText> options, @NotNull LocalDate opensOn,
                                   @NotNull LocalDate closesOn, @NotNull Boolean chathamHouse) {
    }

    public record RegisterStakeholder(@NotBlank @Size(max = 200) String name, @NotNull StakeholderKind kind) {
    }

    public record HoldHearing(@NotNull LocalDate heldOn, @NotBlank @Size(max = 200) String venue,
                              @NotNull @Size(max = 1000) List<@NotBlank String> participants) {
    }

    public record Stand(@NotBlank @Size(max = 10) String optionId, @NotNull Stance stance) {
    }

    public record RecordSubmission(@NotBlank @Size(max = 64) String stakeholderId, @NotNull LocalDate receivedOn,
                                   @NotEmpty @Size(max = 1000) List<@Valid @NotNull Stand> positions,
                                   @NotBlank @Size(max = 100000) String text) {
    }

    public record CloseConsultation(@NotNull LocalDate closedOn) {
    }

    public record IssueRecommendations(@NotEmpty @Size(max = 1000) List<@NotBlank String> recommendedOptions,
                                       @NotBlank @Size(max = 20000) String text) {
    }

    /** A submission as the secretariat reads it: with the stakeholder it came from. */
    public record AttributedSubmission(String submissionId, LocalDate receivedOn, StakeholderKind stakeholderKind,
                                       String stakeholderId, List<Position> positions, String text) {
    }

    /** A stakeholder as the secretariat reads it: its name opened with the stakeholder's key. */
    public record Stakeholder(String stakeholderId, String name, StakeholderKind kind) {
    }

    /** {@code consultation} as its events made it (names sealed); {@code stakeholders} and {@code attributed} opened. */
    public record SecretariatView(ConsultationState consultation, List<Stakeholder> stakeholders,
                                  List<AttributedSubmission> attributed) {
    }

    @Inject
    Commands commands;
    @Inject
    EventStreams streams;
    @Inject
    AttributionSeal attributions;
    @Inject
    StakeholderNames names;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response open(@Valid @NotNull OpenConsultation body) {
        Response response = commands.created(body,
                () -> new ConsultationCommands.OpenConsultation(body.id(), body.title(), body.question(),
                        body.options().stream().map(o -> new ConsultationEvent.Option(o.id(), o.text())).toList(),
                        body.opensOn(), body.closesOn(), body.chathamHouse()));
        return Response.fromResponse(response).location(URI.create("/consultations/" + body.id())).build();
    }

    @POST
    @Path("/{id}/stakeholders")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response register(@PathParam("id") String id, @Valid @NotNull RegisterStakeholder body) {
        String stakeholderId = UUID.randomUUID().toString();
        return commands.created(body,
                () -> new ConsultationCommands.RegisterStakeholder(id, stakeholderId, body.name(), body.kind()),
                result -> Map.of("stakeholderId", stakeholderId));
    }

    @POST
    @Path("/{id}/hearings")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response hearing(@PathParam("id") String id, @Valid @NotNull HoldHearing body) {
        return commands.created(body,
                () -> new ConsultationCommands.HoldHearing(id, body.heldOn(), body.venue(), body.participants()));
    }

    @POST
    @Path("/{id}/submissions")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response submit(@PathParam("id") String id, @Valid @NotNull RecordSubmission body) {
        String submissionId = UUID.randomUUID().toString();
        return commands.created(body,
                () -> new ConsultationCommands.RecordSubmission(id, submissionId, body.stakeholderId(),
                        body.receivedOn(), body.positions().stream()
                        .map(p -> new Position(p.optionId(), p.stance())).toList(), body.text()),
                result -> Map.of("submissionId", submissionId));
    }

    @APIResponse(responseCode = "200", description = "Applied: what the command stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.COMMAND_ANSWER)))
    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response close(@PathParam("id") String id, @Valid @NotNull CloseConsultation body) {
        return commands.applied(body, () -> new ConsultationCommands.CloseConsultation(id, body.closedOn()));
    }

    @POST
    @Path("/{id}/recommendations")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response recommend(@PathParam("id") String id, @Valid @NotNull IssueRecommendations body) {
        return commands.created(body,
                () -> new ConsultationCommands.IssueRecommendations(id, body.recommendedOptions(), body.text()));
    }

    /** Who said what: the secretariat's view, the only one that opens the attribution. */
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    public SecretariatView read(@PathParam("id") String id) {
        ConsultationState state = consultation(id);
        List<AttributedSubmission> attributed = state.submissions().stream()
                .map(s -> new AttributedSubmission(s.submissionId(), s.receivedOn(), s.stakeholderKind(),
                        ChathamHouse.whoMade(s, attributions), s.positions(), s.text()))
                .toList();
        List<Stakeholder> stakeholders = state.stakeholders().values().stream()
                .map(s -> new Stakeholder(s.stakeholderId(), names.nameOf(s), s.kind())).toList();
        return new SecretariatView(state, stakeholders, attributed);
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        return streams.audited(id);
    }

    private ConsultationState consultation(String id) {
        ConsultationState state = streams.replay(id, ConsultationEvent.class, ConsultationState.NONE,
                (consultation, event, envelope) -> consultation.evolve(event), EventStreams.PointInTime.LATEST)
                .orElse(ConsultationState.NONE);
        if (state.id() == null) {
            throw new NotFoundException("No consultation '" + id + "'");
        }
        return state;
    }
}
