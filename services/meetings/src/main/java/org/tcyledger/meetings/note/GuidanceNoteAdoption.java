package org.tcyledger.meetings.note;

import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Adopting a guidance note (domain.md §2): a decision of kind ADOPT_GUIDANCE_NOTE adopts one version that exists,
 * has both official languages (en and fr) unless the committee agreed to English only, and was not adopted before.
 * Checked once, by the {@link GuidanceNote} whose version it is.
 */
public final class GuidanceNoteAdoption {

    public static final String UNKNOWN_VERSION = "unknown-version";
    public static final String BOTH_LANGUAGES = "adoption-needs-both-languages";
    public static final String ALREADY_ADOPTED = "version-already-adopted";

    private GuidanceNoteAdoption() {
    }

    public static void check(NoteHistory note, int version) {
        GuidanceNote.Version found = note.versions().get(version);
        if (found == null) {
            throw new RuleViolation(UNKNOWN_VERSION, note.noteId() + " has no version " + version);
        }
        if (!inBothLanguagesOrEnglishOnly(found)) {
            throw new RuleViolation(BOTH_LANGUAGES, "Version " + version + " of " + note.noteId()
                    + " has no French text and is not flagged englishOnly");
        }
        note.adoptionOf(version).ifPresent(earlier -> {
            throw new RuleViolation(ALREADY_ADOPTED, "Version " + version + " of " + note.noteId()
                    + " was adopted by " + earlier.meetingId());
        });
    }

    static boolean inBothLanguagesOrEnglishOnly(GuidanceNote.Version version) {
        return version.englishOnly() || present(version.text().en()) && present(version.text().fr());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
