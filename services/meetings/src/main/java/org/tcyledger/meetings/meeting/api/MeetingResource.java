package org.tcyledger.meetings.meeting.api;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.meetings.meeting.MeetingCommands;
import org.tcyledger.meetings.meeting.MeetingState;

@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource {


    @Inject
    Commands commands;
    @Inject
    EventStreams streams;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response schedule(@Valid @NotNull MeetingRequests.ScheduleMeeting body) {
        Response response = commands.created(body,
                () -> new MeetingCommands.ScheduleMeeting(body.id(), body.kind(), body.title(), body.venue(),
                        body.startsOn(), body.endsOn(), body.workingBodyId()));
        return Response.fromResponse(response).location(URI.create("/meetings/" + body.id())).build();
    }

    @POST
    @Path("/{id}/agenda-items")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response addAgendaItem(@PathParam("id") String id, @Valid @NotNull MeetingRequests.AddAgendaItem body) {
        String itemId = UUID.randomUUID().toString();
        return commands.created(body,
                () -> new MeetingCommands.AddAgendaItem(id, itemId, body.title(), body.documentSymbols()),
                result -> Map.of("itemId", itemId));
    }

    /** The capacity is the member's on the meeting's first day: the aggregate asks the register (Attendance). */
    @POST
    @Path("/{id}/attendance")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response recordAttendance(@PathParam("id") String id, @Valid @NotNull MeetingRequests.RecordAttendance body) {
        return commands.created(body,
                () -> new MeetingCommands.RecordAttendance(id, body.memberId(), body.representativeIds()),
                result -> Map.of("capacity", result));
    }

    /** A member with no capacity in the committee attends only if the meeting invited it (Attendance). */
    @POST
    @Path("/{id}/invitations")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response inviteAdHocObserver(@PathParam("id") String id,
                                        @Valid @NotNull MeetingRequests.InviteAdHocObserver body) {
        return commands.created(body, () -> new MeetingCommands.InviteAdHocObserver(id, body.memberId(),
                body.invitedOn(), body.reference()));
    }

    /** No body needed: the open and close commands carry nothing but the meeting. */
    @APIResponse(responseCode = "200", description = "Applied: what the command stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.COMMAND_ANSWER)))
    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response open(@PathParam("id") String id) {
        return commands.applied(Map.of(), () -> new MeetingCommands.OpenMeeting(id));
    }

    @APIResponse(responseCode = "200", description = "Applied: what the command stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.COMMAND_ANSWER)))
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response close(@PathParam("id") String id) {
        return commands.applied(Map.of(), () -> new MeetingCommands.CloseMeeting(id));
    }

    @POST
    @Path("/{id}/objections")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response object(@PathParam("id") String id, @Valid @NotNull MeetingRequests.RaiseObjection body) {
        return commands.created(body, () -> new MeetingCommands.RaiseObjection(id, body.memberId(), body.objectedOn()));
    }

    /** The rules, P and the adoption of a guidance note are the aggregate's (Meeting, Quorum, Majority, …). */
    @POST
    @Path("/{id}/decisions")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response decide(@PathParam("id") String id, @Valid @NotNull MeetingRequests.AdoptDecision body) {
        String decisionId = UUID.randomUUID().toString();
        MeetingRequests.Vote vote = body.vote();
        return commands.created(body,
                () -> new MeetingCommands.AdoptDecision(id, decisionId, body.agendaItemId(), body.kind(),
                        body.subject(), body.version(), body.text(),
                        new MeetingEvent.Vote(vote.mode(), vote.inFavour(), vote.against(), vote.abstentions()),
                        body.adoptedOn(), body.documentSymbol(), body.seats(), body.mandate(), body.mandateUntil()),
                result -> {
                    MeetingCommands.DecisionTaken taken = (MeetingCommands.DecisionTaken) result;
                    Map<String, Object> derived = new LinkedHashMap<>();
                    derived.put("decisionId", taken.decisionId());
                    derived.put("partiesOnStartsOn", taken.partiesOnStartsOn());
                    return derived;
                });
    }

    @POST
    @Path("/{id}/report")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response publishReport(@PathParam("id") String id, @Valid @NotNull MeetingRequests.PublishReport body) {
        return commands.created(body,
                () -> new MeetingCommands.PublishReport(id, body.publishedOn(), body.documentSymbol()));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response correct(@PathParam("id") String id, @Valid @NotNull MeetingRequests.CorrectRecord body) {
        return commands.created(body,
                () -> new MeetingCommands.CorrectRecord(id, body.correctsEventId(), body.reason(), body.text(),
                        body.adoptedOn()));
    }

    /** The meeting as recorded (up to {@code atSequence}, or by {@code recordedAt} for auditors). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public MeetingState read(@PathParam("id") String id, @QueryParam("atSequence") Long atSequence,
                             @QueryParam("recordedAt") Instant recordedAt) {
        return streams.replay(id, MeetingEvent.class, MeetingState.UNSCHEDULED,
                        (meeting, event, envelope) -> meeting.evolve(event, envelope.id()),
                        new EventStreams.PointInTime(atSequence, recordedAt))
                .filter(meeting -> meeting.id() != null)
                .orElseThrow(() -> new NotFoundException("No meeting '" + id + "' was recorded"));
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        return streams.audited(id);
    }
}
