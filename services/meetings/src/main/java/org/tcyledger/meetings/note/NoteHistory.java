package org.tcyledger.meetings.note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteAdopted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteDrafted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteRevised;

/** A note's versions and adoptions as its events give them: the aggregate's state, and what reads replay. */
public record NoteHistory(String noteId, Map<Integer, GuidanceNote.Version> versions, List<GuidanceNoteAdopted> adoptions) {

    public static final NoteHistory NONE = new NoteHistory(null, Map.of(), List.of());

    public Optional<GuidanceNoteAdopted> adoptionOf(int version) {
        return adoptions.stream().filter(a -> a.version() == version).findFirst();
    }

    public NoteHistory evolve(GuidanceNoteEvent event) {
        Map<Integer, GuidanceNote.Version> nextVersions = new LinkedHashMap<>(versions);
        List<GuidanceNoteAdopted> nextAdoptions = new ArrayList<>(adoptions);
        switch (event) {
            case GuidanceNoteDrafted d -> nextVersions.put(1, new GuidanceNote.Version(1, d.title(), d.articles(),
                    d.text(), d.englishOnly(), d.symbol()));
            case GuidanceNoteRevised r -> nextVersions.put(r.version(), new GuidanceNote.Version(r.version(), r.title(),
                    r.articles(), r.text(), r.englishOnly(), r.symbol()));
            case GuidanceNoteAdopted a -> nextAdoptions.add(a);
        }
        return new NoteHistory(event.noteId(), nextVersions, List.copyOf(nextAdoptions));
    }
}
