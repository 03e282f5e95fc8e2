package org.tcyledger.meetings.note.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.meetings.note.NoteHistory;

/** Guidance notes read by replaying their stored events. */
@ApplicationScoped
public class NoteReads {

    @Inject
    EventStreams streams;

    public Optional<NoteHistory> history(String noteId) {
        List<EventStreams.Recorded> recorded = streams.history(noteId);
        if (recorded.isEmpty() || !(recorded.get(0).event() instanceof GuidanceNoteEvent)) {
            return Optional.empty();
        }
        NoteHistory history = NoteHistory.NONE;
        for (EventStreams.Recorded event : recorded) {
            history = history.evolve((GuidanceNoteEvent) event.event());
        }
        return Optional.of(history);
    }
}
