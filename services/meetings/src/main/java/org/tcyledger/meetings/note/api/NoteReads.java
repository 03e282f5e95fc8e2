package org.tcyledger.meetings.note.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.meetings.note.NoteHistory;

/** Guidance notes read by replaying their stored events. */
@ApplicationScoped
public class NoteReads {

    @Inject
    EventStreams streams;

    /** Empty when no guidance note was drafted under that id. */
    public Optional<NoteHistory> history(String noteId) {
        return streams.replay(noteId, GuidanceNoteEvent.class, NoteHistory.NONE,
                (history, event, envelope) -> history.evolve(event), EventStreams.PointInTime.LATEST);
    }
}
