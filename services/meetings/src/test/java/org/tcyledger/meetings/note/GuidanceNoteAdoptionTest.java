package org.tcyledger.meetings.note;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteAdopted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteDrafted;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.GuidanceNoteRevised;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent.Texts;
import org.tcyledger.eventsourcing.RuleViolation;

/** The rule of adopting a version, on a note's history, without Axon. */
class GuidanceNoteAdoptionTest {

    private static final NoteHistory BOTNETS = NoteHistory.NONE
            .evolve(new GuidanceNoteDrafted("gn-botnets", 1, "Botnets", List.of("2"), new Texts("Botnets …", null), false))
            .evolve(new GuidanceNoteRevised("gn-botnets", 2, "Botnets", List.of("2"),
                    new Texts("Botnets …", "Les botnets …"), false))
            .evolve(new GuidanceNoteRevised("gn-botnets", 3, "Botnets", List.of("2"), new Texts("Botnets …", " "), false))
            .evolve(new GuidanceNoteRevised("gn-botnets", 4, "Botnets", List.of("2"), new Texts("Botnets …", null), true));

    private static String refusal(NoteHistory note, int version) {
        return assertThrows(RuleViolation.class, () -> GuidanceNoteAdoption.check(note, version)).rule();
    }

    @Test
    void aVersionInBothLanguagesOrEnglishOnlyIsAdoptable() {
        assertDoesNotThrow(() -> GuidanceNoteAdoption.check(BOTNETS, 2));
        assertDoesNotThrow(() -> GuidanceNoteAdoption.check(BOTNETS, 4));
        assertEquals("adoption-needs-both-languages", refusal(BOTNETS, 1));
        assertEquals("adoption-needs-both-languages", refusal(BOTNETS, 3), "a blank French text is none");
    }

    @Test
    void onlyAVersionThatExistsAndOnlyOnce() {
        assertEquals("unknown-version", refusal(BOTNETS, 5));
        NoteHistory adopted = BOTNETS.evolve(new GuidanceNoteAdopted("gn-botnets", 2, "T-CY-9", "d1",
                LocalDate.parse("2013-06-05")));
        assertEquals("version-already-adopted", refusal(adopted, 2));
        assertDoesNotThrow(() -> GuidanceNoteAdoption.check(adopted, 4));
    }
}
