package org.tcyledger.contracts.meetings;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;

/**
 * The T-CY's document register (domain.md §2, aggregate {@code Document}), on {@code tcy.meetings.v1} with the
 * document's symbol as subject ({@code T-CY(2013)6}, {@code T-CY(2013)7 E rev}, or another body's symbol for an
 * EXTERNAL document). Agenda items, decisions, guidance notes and meeting reports name these symbols.
 */
public sealed interface DocumentEvent {

    String symbol();

    /** {@code supersedes}: the earlier symbol this one replaces (a revision), if any. */
    @WireType("tcy.meetings.DocumentRegistered.v1")
    record DocumentRegistered(String symbol, String title, DocumentKind kind, LocalDate datedOn,
                              List<String> languages, DocumentAccess access, String supersedes)
            implements DocumentEvent {
        public DocumentRegistered {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** A RESTRICTED document made PUBLIC, from {@code publishedOn}. */
    @WireType("tcy.meetings.DocumentPublished.v1")
    record DocumentPublished(String symbol, LocalDate publishedOn) implements DocumentEvent {
    }

    /** Its title, date, kind or languages recorded wrongly; a field left null keeps what was recorded. */
    @WireType("tcy.meetings.DocumentCorrected.v1")
    record DocumentCorrected(String symbol, String correctsEventId, String reason, String title, LocalDate datedOn,
                             DocumentKind kind, List<String> languages) implements DocumentEvent {
        public DocumentCorrected {
            languages = languages == null ? null : List.copyOf(languages);
        }
    }

    enum DocumentKind {
        MEETING_REPORT, AGENDA, GUIDANCE_NOTE, ASSESSMENT_REPORT, QUESTIONNAIRE, REPLIES, TERMS_OF_REFERENCE,
        WORK_PLAN, DISCUSSION_PAPER, OPINION, DRAFT_PROTOCOL, EXTERNAL, OTHER
    }

    /** Who may read it on the public record: RESTRICTED to observers, auditors and the secretariat, or PUBLIC. */
    enum DocumentAccess { RESTRICTED, PUBLIC }
}
