package org.tcyledger.projection.notes;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;

/**
 * Guidance notes as observers read them: adopted ones, with the adopting meeting, decision, date and version and
 * both language texts. The secretariat also sees drafts (every version, adopted or not).
 */
@Path("/guidance-notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OBSERVER, Roles.AUDITOR, Roles.SECRETARIAT})
public class GuidanceNoteResource {

    public record Adoption(String meetingId, String decisionId, LocalDate adoptedOn) {
    }

    public record NoteVersion(String id, int version, String title, List<String> articles, String en, String fr,
                              boolean englishOnly, Adoption adoption) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SecurityIdentity identity;
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
        LocalDate fromDate = from;
        LocalDate toDate = to;
        boolean drafts = identity.hasRole(Roles.SECRETARIAT);
        return readYourWrites.after("projection-guidance-notes", after,
                () -> paging.of(query(drafts, null, meetingId, article, fromDate, toDate), uri));
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
        return readYourWrites.after("projection-guidance-notes", after, () -> {
            List<NoteVersion> versions = query(drafts, id, null, null, null, null);
            if (versions.isEmpty()) {
                throw new NotFoundException("No adopted guidance note '" + id + "'");
            }
            return versions;
        });
    }

    /** @param drafts whether drafts are shown (the secretariat's roles are read on the request's thread) */
    private List<NoteVersion> query(boolean drafts, String noteId, String meetingId, String article, LocalDate from,
                                    LocalDate to) {
        String sql = "SELECT v.note_id, v.version, v.title, v.articles, v.text_en, v.text_fr, v.english_only, "
                     + "a.meeting_id, a.decision_id, a.adopted_on FROM note_version v "
                     + (drafts ? "LEFT " : "") + "JOIN note_adoption a ON a.note_id = v.note_id AND a.version = v.version "
                     + "WHERE (?::text IS NULL OR v.note_id = ?) AND (?::text IS NULL OR a.meeting_id = ?) "
                     + "AND (?::text IS NULL OR ? = ANY(string_to_array(v.articles, ','))) "
                     + "AND (?::date IS NULL OR a.adopted_on >= ?::date) AND (?::date IS NULL OR a.adopted_on <= ?::date) "
                     + "ORDER BY a.adopted_on NULLS LAST, v.note_id, v.version";
        List<NoteVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, noteId);
            select.setString(2, noteId);
            select.setString(3, meetingId);
            select.setString(4, meetingId);
            select.setString(5, article);
            select.setString(6, article);
            select.setObject(7, from == null ? null : java.sql.Date.valueOf(from), java.sql.Types.DATE);
            select.setObject(8, from == null ? null : java.sql.Date.valueOf(from), java.sql.Types.DATE);
            select.setObject(9, to == null ? null : java.sql.Date.valueOf(to), java.sql.Types.DATE);
            select.setObject(10, to == null ? null : java.sql.Date.valueOf(to), java.sql.Types.DATE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    java.sql.Date adoptedOn = row.getDate(10);
                    versions.add(new NoteVersion(row.getString(1), row.getInt(2), row.getString(3),
                            Arrays.asList(row.getString(4).split(",")), row.getString(5), row.getString(6),
                            row.getBoolean(7), adoptedOn == null ? null
                            : new Adoption(row.getString(8), row.getString(9), adoptedOn.toLocalDate())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the guidance notes", e);
        }
        return versions;
    }
}
