package org.tcyledger.meetings.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentCorrected;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentPublished;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentRegistered;

/**
 * A document of the register as its events give it, corrections applied: the aggregate's state and what reads
 * replay. {@code eventIds}: the ids of its events, which a correction names.
 */
public record DocumentState(String symbol, String title, DocumentKind kind, LocalDate datedOn, List<String> languages,
                            DocumentAccess access, String supersedes, LocalDate publishedOn, Set<String> eventIds) {

    public static final DocumentState UNREGISTERED = new DocumentState(null, null, null, null, List.of(), null, null,
            null, Set.of());

    public DocumentState evolve(DocumentEvent event, String eventId) {
        Set<String> ids = new TreeSet<>(eventIds);
        ids.add(eventId);
        Set<String> recorded = Set.copyOf(ids);
        return switch (event) {
            case DocumentRegistered r -> new DocumentState(r.symbol(), r.title(), r.kind(), r.datedOn(), r.languages(),
                    r.access(), r.supersedes(), null, recorded);
            case DocumentPublished p -> new DocumentState(symbol, title, kind, datedOn, languages, DocumentAccess.PUBLIC,
                    supersedes, p.publishedOn(), recorded);
            case DocumentCorrected c -> new DocumentState(symbol, c.title() == null ? title : c.title(),
                    c.kind() == null ? kind : c.kind(), c.datedOn() == null ? datedOn : c.datedOn(),
                    c.languages() == null ? languages : c.languages(), access, supersedes, publishedOn, recorded);
        };
    }
}
