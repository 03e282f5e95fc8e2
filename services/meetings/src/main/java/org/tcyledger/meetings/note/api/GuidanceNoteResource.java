package org.tcyledger.meetings.note.api;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.Texts;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.meetings.note.GuidanceNote;
import org.tcyledger.meetings.note.NoteHistory;

@Path("/guidance-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuidanceNoteResource {

    /**
     * The body of a draft ({@code id} required) and of a revision (the id is the path's); {@code symbol}, if given,
     * names the note's document in the register.
     */
    public record NoteText(@Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String id,
                           @NotBlank @Size(max = 300) String title,
                           @NotEmpty List<@NotBlank @Size(max = 20) String> articles,
                           @NotNull @Valid Text text, Boolean englishOnly, @Size(max = 40) String symbol) {
    }

    public record Text(@NotBlank @Size(max = 200000) String en, @Size(max = 200000) String fr) {
    }

    @Inject
    Commands commands;
    @Inject
    NoteReads reads;
    @Inject
    EventStreams streams;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Response draft(@Valid @NotNull NoteText body) {
        if (body.id() == null) {
            throw new org.tcyledger.eventsourcing.web.InvalidRequest("id", "is required to draft a guidance note");
        }
        Response response = commands.created(body,
                () -> new GuidanceNote.DraftGuidanceNote(body.id(), body.title(), body.articles(),
                        new Texts(body.text().en(), body.text().fr()), Boolean.TRUE.equals(body.englishOnly()),
                        body.symbol()),
                result -> Map.of("version", 1));
        return Response.fromResponse(response).location(URI.create("/guidance-notes/" + body.id())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response revise(@PathParam("id") String id, @Valid @NotNull NoteText body) {
        return commands.applied(body, () -> new GuidanceNote.ReviseGuidanceNote(id, body.title(), body.articles(),
                        new Texts(body.text().en(), body.text().fr()), Boolean.TRUE.equals(body.englishOnly()),
                        body.symbol()),
                version -> Map.of("version", version));
    }

    /** Every version, drafts included: the secretariat's view. Observers read adopted notes from the projection. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public NoteHistory read(@PathParam("id") String id) {
        return reads.history(id).orElseThrow(() -> new NotFoundException("No guidance note '" + id + "'"));
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.AUDITOR, Roles.SECRETARIAT})
    public List<EventStreams.StoredEvent> events(@PathParam("id") String id) {
        return streams.audited(id);
    }
}
