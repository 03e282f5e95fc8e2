package org.tcyledger.projection.documents;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * The document register from tcy.meetings.v1: the documents' own events, and the meetings' events that name them
 * (agenda items table them, decisions adopt them, a report is one): two families of one topic, one consumer group.
 */
@ApplicationScoped
public class DocumentsProjection extends EventConsumer<Object> {

    public static final String GROUP = "projection-documents";

    public DocumentsProjection() {
        super(GROUP, Object.class, List.of(DocumentEvent.class, MeetingEvent.class), Topics.MEETINGS);
    }

    @Override
    protected void apply(Object event, EventEnvelope envelope, Writes writes) throws SQLException {
        if (event instanceof DocumentEvent document) {
            document(document, writes);
        } else if (event instanceof MeetingEvent meeting) {
            meeting(meeting, writes);
        }
    }

    private static void document(DocumentEvent event, Writes writes) throws SQLException {
        switch (event) {
            case DocumentEvent.DocumentRegistered r -> writes.update("INSERT INTO document (symbol, title, kind, "
                    + "dated_on, languages, access, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    r.symbol(), r.title(), r.kind().name(), r.datedOn(), String.join(",", r.languages()),
                    r.access().name(), r.supersedes());
            case DocumentEvent.DocumentPublished p -> writes.update("UPDATE document SET access = 'PUBLIC', "
                    + "published_on = ? WHERE symbol = ?", p.publishedOn(), p.symbol());
            case DocumentEvent.DocumentCorrected c -> writes.update("UPDATE document SET title = COALESCE(?, title), "
                    + "dated_on = COALESCE(?, dated_on), kind = COALESCE(?, kind), languages = COALESCE(?, languages) "
                    + "WHERE symbol = ?", c.title(), c.datedOn(), c.kind() == null ? null : c.kind().name(),
                    c.languages() == null ? null : String.join(",", c.languages()), c.symbol());
        }
    }

    private static void meeting(MeetingEvent event, Writes writes) throws SQLException {
        switch (event) {
            case MeetingEvent.AgendaItemAdded a -> {
                for (String symbol : a.documentSymbols()) {
                    writes.update("INSERT INTO document_tabling (symbol, meeting_id, item_id, item_title) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", symbol.strip(), a.meetingId(), a.itemId(),
                            a.title());
                }
            }
            case MeetingEvent.DecisionAdopted d when d.documentSymbol() != null -> writes.update(
                    "INSERT INTO document_adoption (symbol, meeting_id, decision_id, kind, adopted_on) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", d.documentSymbol().strip(), d.meetingId(),
                    d.decisionId(), d.kind().name(), d.adoptedOn());
            case MeetingEvent.DecisionCorrected c when c.adoptedOn() != null -> writes.update(
                    "UPDATE document_adoption SET adopted_on = ? WHERE meeting_id = ? AND decision_id = ?",
                    c.adoptedOn(), c.meetingId(), c.decisionId());
            // a report published without a document's symbol (the contract allows it) names no document
            case MeetingEvent.MeetingReportPublished r when r.documentSymbol() != null -> writes.update(
                    "INSERT INTO document_meeting_report "
                    + "(meeting_id, symbol, published_on) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET "
                    + "symbol = excluded.symbol, published_on = excluded.published_on", r.meetingId(),
                    r.documentSymbol().strip(), r.publishedOn());
            default -> {
                // the rest of a meeting names no document
            }
        }
    }
}
