package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.WireType;

/**
 * A guidance note's versions and its adoption, on {@code tcy.meetings.v1} with the note's id as subject. A version
 * may name its document ({@code symbol}, in the document register); events stored before that field read as null.
 */
public sealed interface GuidanceNoteEvent {

    String noteId();

    @WireType("tcy.meetings.GuidanceNoteDrafted.v1")
    record GuidanceNoteDrafted(String noteId, int version, String title, List<String> articles, Texts text,
                               boolean englishOnly, @AddedLater String symbol) implements GuidanceNoteEvent {
        public GuidanceNoteDrafted {
            articles = List.copyOf(articles);
        }

        public GuidanceNoteDrafted(String noteId, int version, String title, List<String> articles, Texts text,
                                   boolean englishOnly) {
            this(noteId, version, title, articles, text, englishOnly, null);
        }
    }

    @WireType("tcy.meetings.GuidanceNoteRevised.v1")
    record GuidanceNoteRevised(String noteId, int version, String title, List<String> articles, Texts text,
                               boolean englishOnly, @AddedLater String symbol) implements GuidanceNoteEvent {
        public GuidanceNoteRevised {
            articles = List.copyOf(articles);
        }

        public GuidanceNoteRevised(String noteId, int version, String title, List<String> articles, Texts text,
                                   boolean englishOnly) {
            this(noteId, version, title, articles, text, englishOnly, null);
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
