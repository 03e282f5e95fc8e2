package org.tcyledger.projection.notes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The guidance notes read model's one query: versions, adopted (or every one, drafts included), filtered. */
@ApplicationScoped
public class GuidanceNoteQueries {

    @Inject
    AgroalDataSource dataSource;

    /**
     * @param drafts whether drafts are shown (the secretariat's roles are read on the request's thread)
     * @param onlyPublic whether only versions whose document is PUBLIC in the register are shown (the public record)
     */
    public List<GuidanceNoteResource.NoteVersion> find(boolean drafts, boolean onlyPublic, String noteId,
                                                       String meetingId, String article, LocalDate from, LocalDate to) {
        // each filter bound once, as a named column of the one-row relation f
        String sql = "WITH f(note_id, meeting_id, article, from_date, to_date) AS (SELECT ?::text, ?::text, ?::text, "
                     + "?::date, ?::date) "
                     + "SELECT v.note_id, v.version, v.title, v.articles, v.text_en, v.text_fr, v.english_only, "
                     + "a.meeting_id, a.decision_id, a.adopted_on, v.symbol FROM f CROSS JOIN note_version v "
                     + (drafts ? "LEFT " : "") + "JOIN note_adoption a ON a.note_id = v.note_id AND a.version = v.version "
                     + "WHERE (f.note_id IS NULL OR v.note_id = f.note_id) "
                     + "AND (f.meeting_id IS NULL OR a.meeting_id = f.meeting_id) "
                     + "AND (f.article IS NULL OR f.article = ANY(string_to_array(v.articles, ','))) "
                     + "AND (f.from_date IS NULL OR a.adopted_on >= f.from_date) "
                     + "AND (f.to_date IS NULL OR a.adopted_on <= f.to_date) "
                     + (onlyPublic ? "AND EXISTS (SELECT 1 FROM document d WHERE d.symbol = v.symbol "
                                     + "AND d.access = 'PUBLIC') " : "")
                     + "ORDER BY a.adopted_on NULLS LAST, v.note_id, v.version";
        List<GuidanceNoteResource.NoteVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, noteId);
            select.setString(2, meetingId);
            select.setString(3, article);
            select.setObject(4, from == null ? null : java.sql.Date.valueOf(from), java.sql.Types.DATE);
            select.setObject(5, to == null ? null : java.sql.Date.valueOf(to), java.sql.Types.DATE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    java.sql.Date adoptedOn = row.getDate(10);
                    versions.add(new GuidanceNoteResource.NoteVersion(row.getString(1), row.getInt(2), row.getString(3),
                            Arrays.asList(row.getString(4).split(",")), row.getString(5), row.getString(6),
                            row.getBoolean(7), adoptedOn == null ? null
                            : new GuidanceNoteResource.Adoption(row.getString(8), row.getString(9), adoptedOn.toLocalDate()),
                            row.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the guidance notes", e);
        }
        return versions;
    }
}
