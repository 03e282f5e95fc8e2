package org.tcyledger.meetings.document;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;

/** What the secretariat records in the document register (domain.md §2): what a request says, nothing more. */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /** {@code supersedes}: the registered symbol this document replaces (a revision), if any. */
    public record RegisterDocument(String symbol, String title, DocumentKind kind, LocalDate datedOn,
                                   List<String> languages, DocumentAccess access, String supersedes) {
    }

    public record PublishDocument(@TargetAggregateIdentifier String symbol, LocalDate publishedOn) {
    }

    /** A field left null keeps what was recorded. */
    public record CorrectDocument(@TargetAggregateIdentifier String symbol, String correctsEventId, String reason,
                                  String title, LocalDate datedOn, DocumentKind kind, List<String> languages) {
    }
}
