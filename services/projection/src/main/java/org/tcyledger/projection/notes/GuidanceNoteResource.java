package org.tcyledger.projection.notes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tcyledger.eventsourcing.web.Roles;

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

    /** Adopted notes (every version for the secretariat), optionally those adopted at one meeting. */
    @GET
    public List<NoteVersion> list(@QueryParam("meetingId") String meetingId, @QueryParam("after") String after) {
        readYourWrites.await("projection-guidance-notes", after);
        return query(null, meetingId);
    }

    @GET
    @Path("/{id}")
    public List<NoteVersion> note(@PathParam("id") String id, @QueryParam("after") String after) {
        readYourWrites.await("projection-guidance-notes", after);
        List<NoteVersion> versions = query(id, null);
        if (versions.isEmpty()) {
            throw new NotFoundException("No adopted guidance note '" + id + "'");
        }
        return versions;
    }

    private List<NoteVersion> query(String noteId, String meetingId) {
        boolean drafts = identity.hasRole(Roles.SECRETARIAT);
        String sql = "SELECT v.note_id, v.version, v.title, v.articles, v.text_en, v.text_fr, v.english_only, "
                     + "a.meeting_id, a.decision_id, a.adopted_on FROM note_version v "
                     + (drafts ? "LEFT " : "") + "JOIN note_adoption a ON a.note_id = v.note_id AND a.version = v.version "
                     + "WHERE (? IS NULL OR v.note_id = ?) AND (? IS NULL OR a.meeting_id = ?) "
                     + "ORDER BY a.adopted_on NULLS LAST, v.note_id, v.version";
        List<NoteVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, noteId);
            select.setString(2, noteId);
            select.setString(3, meetingId);
            select.setString(4, meetingId);
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
