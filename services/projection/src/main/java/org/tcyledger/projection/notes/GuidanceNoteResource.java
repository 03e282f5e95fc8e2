package org.tcyledger.projection.notes;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;

/**
 * Guidance notes as observers read them: adopted ones, with the adopting meeting, decision, date and version and
 * both language texts. The secretariat also sees drafts (every version, adopted or not).
 */
@Path("/guidance-notes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
public class GuidanceNoteResource {

    public record Adoption(String meetingId, String decisionId, LocalDate adoptedOn) {
    }

    /** {@code symbol}: the version's document in the register, when the secretariat named one. */
    public record NoteVersion(String id, int version, String title, List<String> articles, String en, String fr,
                              boolean englishOnly, Adoption adoption, String symbol) {
    }

    @Inject
    GuidanceNoteQueries notes;
    @Inject
    SecurityIdentity identity;
    @Inject
    org.tcyledger.projection.infra.PublicRecord publicRecord;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    /**
     * Adopted notes (every version for the secretariat) in order of adoption, optionally those adopted at one meeting,
     * between two dates ({@code from}, {@code to}, inclusive) or on one article of the Convention; paged.
     */
    @Operation(summary = "Adopted guidance notes (drafts too for the secretariat)")
    @APIResponse(responseCode = "200", description = "Adopted guidance notes (drafts too for the secretariat)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoteVersion.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = ApiExamples.NOTE_VERSIONS)))
    @GET
    @Blocking
    public Uni<RestResponse<List<NoteVersion>>> list(@QueryParam("meetingId") String meetingId,
                                                @QueryParam("article") String article,
                                                @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size,
                                                @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        boolean drafts = identity.hasRole(Roles.SECRETARIAT);
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-guidance-notes", after,
                () -> paging.of(notes.find(drafts, onlyPublic, null, meetingId, article, from, to), uri));
    }

    @Operation(summary = "Every adopted version of one guidance note")
    @APIResponse(responseCode = "200", description = "Every adopted version of one guidance note", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoteVersion.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = ApiExamples.NOTE_VERSIONS)))
    @GET
    @Path("/{id}")
    @Blocking
    public Uni<List<NoteVersion>> note(@PathParam("id") String id, @QueryParam("after") String after) {
        boolean drafts = identity.hasRole(Roles.SECRETARIAT);
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-guidance-notes", after, () -> {
            List<NoteVersion> versions = notes.find(drafts, onlyPublic, id, null, null, null, null);
            if (versions.isEmpty()) {
                throw new NotFoundException("No adopted guidance note '" + id + "'");
            }
            return versions;
        });
    }
}
