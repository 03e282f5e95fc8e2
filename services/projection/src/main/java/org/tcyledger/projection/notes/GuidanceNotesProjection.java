package org.tcyledger.projection.notes;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteAdopted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteDrafted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteRevised;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** Guidance notes from tcy.meetings.v1: every version, and the adoptions that make one visible to observers. */
@ApplicationScoped
public class GuidanceNotesProjection extends EventConsumer<GuidanceNoteEvent> {

    public GuidanceNotesProjection() {
        super("projection-guidance-notes", GuidanceNoteEvent.class, Topics.MEETINGS);
    }

    @Override
    protected void apply(GuidanceNoteEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case GuidanceNoteDrafted d -> version(writes, d.noteId(), d.version(), d.title(), d.articles(), d.text(),
                    d.englishOnly(), d.symbol());
            case GuidanceNoteRevised r -> version(writes, r.noteId(), r.version(), r.title(), r.articles(), r.text(),
                    r.englishOnly(), r.symbol());
            case GuidanceNoteAdopted a -> writes.update("INSERT INTO note_adoption (note_id, version, meeting_id, "
                    + "decision_id, adopted_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    a.noteId(), a.version(), a.meetingId(), a.decisionId(), a.adoptedOn());
        }
    }

    private static void version(Writes writes, String noteId, int version, String title, List<String> articles,
                                GuidanceNoteEvent.Texts text, boolean englishOnly, String symbol) throws SQLException {
        writes.update("INSERT INTO note_version (note_id, version, title, articles, text_en, text_fr, english_only, "
                           + "symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                noteId, version, title, String.join(",", articles), text.en(), text.fr(), englishOnly, symbol);
    }
}
