package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.meetings.document.DocumentSymbol;
import org.tcyledger.meetings.document.Documents;

/**
 * The document register from the documents' own streams in meetings' event store: a symbol is registered when its
 * stream holds the document's events (a stream of another aggregate under that id is not a document).
 */
@ApplicationScoped
public class StoredDocuments implements Documents {

    @Inject
    EventStreams streams;

    @Override
    public boolean registered(String symbol) {
        return streams.replay(DocumentSymbol.normalised(symbol), DocumentEvent.class, Boolean.TRUE,
                (registered, event, envelope) -> registered, EventStreams.PointInTime.LATEST).isPresent();
    }
}
