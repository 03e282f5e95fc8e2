package org.tcyledger.meetings.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentCorrected;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentPublished;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentRegistered;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.document.DocumentCommands.CorrectDocument;
import org.tcyledger.meetings.document.DocumentCommands.PublishDocument;
import org.tcyledger.meetings.document.DocumentCommands.RegisterDocument;

/**
 * A document of the T-CY's register, its id the symbol as written ({@link DocumentSymbol}). A second registration of
 * a symbol is refused by the event store itself (409 {@code id-unique}).
 */
public class Document {

    @AggregateIdentifier
    private String symbol;
    private DocumentState state = DocumentState.UNREGISTERED;

    protected Document() {
    }

    /** A revision supersedes a registered symbol ({@link DocumentRegister}). */
    @CommandHandler
    public Document(RegisterDocument command, Documents documents) {
        DocumentSymbol.check(command.symbol(), command.kind());
        DocumentRegister.named(documents, command.supersedes());
        apply(new DocumentRegistered(DocumentSymbol.normalised(command.symbol()), command.title(), command.kind(),
                command.datedOn(), command.languages(), command.access(),
                DocumentSymbol.normalised(command.supersedes())));
    }

    /** The rules: {@link DocumentPublication}. */
    @CommandHandler
    public void handle(PublishDocument command) {
        DocumentPublication.check(state, command.publishedOn());
        apply(new DocumentPublished(symbol, command.publishedOn()));
    }

    /** The corrected document still satisfies the rules: its kind fits its symbol, it is not public before its date. */
    @CommandHandler
    public void handle(CorrectDocument command) {
        if (!state.eventIds().contains(command.correctsEventId())) {
            throw new RuleViolation("correction-of-unknown-record", "No event " + command.correctsEventId()
                    + " was recorded for " + symbol);
        }
        if (command.title() == null && command.datedOn() == null && command.kind() == null
            && command.languages() == null) {
            throw new InvalidRequest("title", "a corrected title, datedOn, kind or languages is required");
        }
        if (command.kind() != null) {
            DocumentSymbol.check(symbol, command.kind());
        }
        if (command.datedOn() != null) {
            DocumentPublication.notBeforeDated(symbol, command.datedOn(), state.publishedOn());
        }
        apply(new DocumentCorrected(symbol, command.correctsEventId(), command.reason(), command.title(),
                command.datedOn(), command.kind(), command.languages()));
    }

    @EventSourcingHandler
    void on(DocumentEvent event, @MessageIdentifier String eventId) {
        symbol = event.symbol();
        state = state.evolve(event, eventId);
    }
}
