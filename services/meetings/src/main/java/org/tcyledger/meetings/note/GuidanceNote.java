package org.tcyledger.meetings.note;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteAdopted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteDrafted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteRevised;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.Texts;
import org.tcyledger.meetings.document.DocumentRegister;
import org.tcyledger.meetings.document.Documents;

/** A guidance note of the T-CY: its versions, and which meeting's decision adopted which one. */
public class GuidanceNote {

    /** {@code symbol}: the note's document in the register, if it has one yet. */
    public record DraftGuidanceNote(String noteId, String title, List<String> articles, Texts text, boolean englishOnly,
                                    String symbol) {
        public DraftGuidanceNote(String noteId, String title, List<String> articles, Texts text, boolean englishOnly) {
            this(noteId, title, articles, text, englishOnly, null);
        }
    }

    public record ReviseGuidanceNote(@TargetAggregateIdentifier String noteId, String title, List<String> articles,
                                     Texts text, boolean englishOnly, String symbol) {
        public ReviseGuidanceNote(String noteId, String title, List<String> articles, Texts text, boolean englishOnly) {
            this(noteId, title, articles, text, englishOnly, null);
        }
    }

    /** Sent only by the Meeting's decision handler, in its unit of work (GuidanceNoteAdoptions). */
    public record AdoptGuidanceNote(@TargetAggregateIdentifier String noteId, int version, String meetingId,
                                    String decisionId, LocalDate adoptedOn) {
    }

    /** One version as drafted or revised; {@code symbol}: its document in the register, if named. */
    public record Version(int version, String title, List<String> articles, Texts text, boolean englishOnly,
                          String symbol) {
    }

    @AggregateIdentifier
    private String noteId;
    private NoteHistory history = NoteHistory.NONE;

    protected GuidanceNote() {
    }

    /** A symbol given is in the register ({@link DocumentRegister}). */
    @CommandHandler
    public GuidanceNote(DraftGuidanceNote command, Documents documents) {
        DocumentRegister.named(documents, command.symbol());
        apply(new GuidanceNoteDrafted(command.noteId(), 1, command.title(), command.articles(), command.text(),
                command.englishOnly(), command.symbol()));
    }

    /** A symbol given is in the register ({@link DocumentRegister}). */
    @CommandHandler
    public int handle(ReviseGuidanceNote command, Documents documents) {
        DocumentRegister.named(documents, command.symbol());
        int version = history.versions().size() + 1;
        apply(new GuidanceNoteRevised(noteId, version, command.title(), command.articles(), command.text(),
                command.englishOnly(), command.symbol()));
        return version;
    }

    /** The rules are {@link GuidanceNoteAdoption}'s. */
    @CommandHandler
    public void handle(AdoptGuidanceNote command) {
        GuidanceNoteAdoption.check(history, command.version());
        apply(new GuidanceNoteAdopted(noteId, command.version(), command.meetingId(), command.decisionId(),
                command.adoptedOn()));
    }

    @EventSourcingHandler
    void on(GuidanceNoteEvent event) {
        noteId = event.noteId();
        history = history.evolve(event);
    }
}
