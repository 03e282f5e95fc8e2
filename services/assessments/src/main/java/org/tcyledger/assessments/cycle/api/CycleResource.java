package org.tcyledger.assessments.cycle.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.assessments.cycle.CycleCommands;
import org.tcyledger.assessments.cycle.CycleState;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;

/** Assessment cycles for the secretariat and auditors; observers read adopted reports from the projection only. */
@Path("/assessment-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {


    @Inject
    Commands commands;
    @Inject
    EventStreams streams;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response launch(@Valid @NotNull CycleRequests.LaunchCycle body) {
        Response response = commands.created(body,
                () -> new CycleCommands.LaunchCycle(body.id(), body.title(), body.articles(), body.launchedOn(),
                        body.replyDeadline(), body.scope()),
                assessedParties -> Map.of("assessedParties", assessedParties));
        return Response.fromResponse(response).location(URI.create("/assessment-cycles/" + body.id())).build();
    }

    @POST
    @Path("/{id}/questionnaire")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response questionnaire(@PathParam("id") String id, @Valid @NotNull CycleRequests.PublishQuestionnaire body) {
        return commands.created(body,
                () -> new CycleCommands.PublishQuestionnaire(id, body.documentSymbol(), body.questions().stream()
                        .map(q -> new AssessmentEvent.Question(q.id(), q.article(), q.text())).toList()));
    }

    @POST
    @Path("/{id}/replies")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response reply(@PathParam("id") String id, @Valid @NotNull CycleRequests.RecordReply body) {
        return commands.created(body,
                () -> new CycleCommands.RecordReply(id, body.partyId(), body.receivedOn(), body.answers().stream()
                        .map(a -> new AssessmentEvent.Answer(a.questionId(), a.text())).toList()),
                late -> Map.of("late", late));
    }

    @POST
    @Path("/{id}/parties")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response addParty(@PathParam("id") String id, @Valid @NotNull CycleRequests.AddPartyToCycle body) {
        return commands.created(body, () -> new CycleCommands.AddPartyToCycle(id, body.partyId(), body.reason()));
    }

    @POST
    @Path("/{id}/draft-reports")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response draft(@PathParam("id") String id, @Valid @NotNull CycleRequests.SubmitDraftReport body) {
        return commands.created(body, () -> new CycleCommands.SubmitDraftReport(id, findings(body),
                        recommendations(body), body.documentSymbol()),
                version -> Map.of("version", version));
    }

    @POST
    @Path("/{id}/supplements")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response openSupplement(@PathParam("id") String id, @Valid @NotNull CycleRequests.OpenSupplement body) {
        return commands.created(body,
                () -> new CycleCommands.OpenSupplement(id, body.id(), body.partyIds(), body.reason()),
                none -> Map.of("supplementId", body.id()));
    }

    @POST
    @Path("/{id}/supplements/{supplementId}/draft-reports")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response draftSupplement(@PathParam("id") String id, @PathParam("supplementId") String supplementId,
                                    @Valid @NotNull CycleRequests.SubmitDraftReport body) {
        return commands.created(body, () -> new CycleCommands.SubmitSupplementDraft(id, supplementId, findings(body),
                        recommendations(body), body.documentSymbol()),
                version -> Map.of("supplementId", supplementId, "version", version));
    }

    private static List<AssessmentEvent.Finding> findings(CycleRequests.SubmitDraftReport body) {
        return body.findings().stream().map(f -> new AssessmentEvent.Finding(f.partyId(), f.article(), f.text())).toList();
    }

    private static List<AssessmentEvent.Recommendation> recommendations(CycleRequests.SubmitDraftReport body) {
        return body.recommendations().stream()
                .map(r -> new AssessmentEvent.Recommendation(r.id(), r.addressee(), r.text(), r.priority())).toList();
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response comment(@PathParam("id") String id, @Valid @NotNull CycleRequests.RecordComment body) {
        return commands.created(body,
                () -> new CycleCommands.RecordComment(id, body.partyId(), body.onVersion(), body.text()));
    }

    @POST
    @Path("/{id}/follow-ups")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response followUp(@PathParam("id") String id, @Valid @NotNull CycleRequests.RecordFollowUp body) {
        return commands.created(body,
                () -> new CycleCommands.RecordFollowUp(id, body.recommendationId(), body.partyId(), body.status(),
                        body.assessedOn(), body.note()));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response correct(@PathParam("id") String id, @Valid @NotNull CycleRequests.CorrectReply body) {
        return commands.created(body,
                () -> new CycleCommands.CorrectReply(id, body.correctsEventId(), body.reason(), body.receivedOn(),
                        body.answers() == null ? List.of() : body.answers().stream()
                                .map(a -> new AssessmentEvent.Answer(a.questionId(), a.text())).toList()),
                late -> Map.of("late", late));
    }

    @APIResponse(responseCode = "200", description = "Applied: what the command stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.COMMAND_ANSWER)))
    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response close(@PathParam("id") String id, @Valid @NotNull CycleRequests.CloseCycle body) {
        return commands.applied(body, () -> new CycleCommands.CloseCycle(id, body.closedOn()));
    }

    /**
     * The cycle replayed from its stored events: all of them, up to {@code atSequence}, those recorded by
     * {@code recordedAt} (what the secretariat saw then), and of those the steps taken by the legal date {@code asOf}
     * (an undated step, such as a draft, counts from the date of the last dated step before it).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public CycleState read(@PathParam("id") String id, @QueryParam("asOf") LocalDate asOf,
                           @QueryParam("atSequence") Long atSequence, @QueryParam("recordedAt") Instant recordedAt) {
        /** The cycle so far, and the legal date of the last dated step replayed. */
        record Replayed(CycleState cycle, LocalDate legalDate) {
        }
        CycleState state = streams.replay(id, AssessmentEvent.class, new Replayed(CycleState.NONE, null),
                        (replayed, event, envelope) -> {
                            LocalDate legalDate = CycleState.legalDate(event, replayed.legalDate());
                            boolean later = asOf != null && legalDate != null && legalDate.isAfter(asOf);
                            return new Replayed(later ? replayed.cycle() : replayed.cycle().evolve(event), legalDate);
                        }, new EventStreams.PointInTime(atSequence, recordedAt))
                .map(Replayed::cycle).orElse(CycleState.NONE);
        if (state.id() == null) {
            throw new NotFoundException("No assessment cycle '" + id + "' was recorded");
        }
        return state;
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        return streams.audited(id);
    }
}
