package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;

/** A guidance note's versions and its adoption, on {@code tcy.meetings.v1} with the note's id as subject. */
public sealed interface GuidanceNoteEvent {

    String noteId();

    @WireType("tcy.meetings.GuidanceNoteDrafted.v1")
    record GuidanceNoteDrafted(String noteId, int version, String title, List<String> articles, Texts text,
                               boolean englishOnly) implements GuidanceNoteEvent {
        public GuidanceNoteDrafted {
            articles = List.copyOf(articles);
        }
    }

    @WireType("tcy.meetings.GuidanceNoteRevised.v1")
    record GuidanceNoteRevised(String noteId, int version, String title, List<String> articles, Texts text,
                               boolean englishOnly) implements GuidanceNoteEvent {
        public GuidanceNoteRevised {
            articles = List.copyOf(articles);
        }
    }

    /** Which meeting and decision adopted which version, and when. */
    @WireType("tcy.meetings.GuidanceNoteAdopted.v1")
    record GuidanceNoteAdopted(String noteId, int version, String meetingId, String decisionId, LocalDate adoptedOn)
            implements GuidanceNoteEvent {
    }

    /** The note's text in the Council of Europe's official languages; French may come later. */
    record Texts(String en, String fr) {
    }
}
