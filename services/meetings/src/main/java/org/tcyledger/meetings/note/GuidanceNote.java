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

/** A guidance note of the T-CY: its versions, and which meeting's decision adopted which one. */
public class GuidanceNote {

    public record DraftGuidanceNote(String noteId, String title, List<String> articles, Texts text, boolean englishOnly) {
    }

    public record ReviseGuidanceNote(@TargetAggregateIdentifier String noteId, String title, List<String> articles,
                                     Texts text, boolean englishOnly) {
    }

    /** Sent only by the Meeting's decision handler, in its unit of work (GuidanceNoteAdoptions). */
    public record AdoptGuidanceNote(@TargetAggregateIdentifier String noteId, int version, String meetingId,
                                    String decisionId, LocalDate adoptedOn) {
    }

    /** One version as drafted or revised. */
    public record Version(int version, String title, List<String> articles, Texts text, boolean englishOnly) {
    }

    @AggregateIdentifier
    private String noteId;
    private NoteHistory history = NoteHistory.NONE;

    protected GuidanceNote() {
    }

    @CommandHandler
    public GuidanceNote(DraftGuidanceNote command) {
        apply(new GuidanceNoteDrafted(command.noteId(), 1, command.title(), command.articles(), command.text(),
                command.englishOnly()));
    }

    @CommandHandler
    public int handle(ReviseGuidanceNote command) {
        int version = history.versions().size() + 1;
        apply(new GuidanceNoteRevised(noteId, version, command.title(), command.articles(), command.text(),
                command.englishOnly()));
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
