package org.tcyledger.meetings.meeting;

import java.util.Optional;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;

/**
 * Records on a guidance note that a decision adopted one of its versions, in the decision's unit of work and
 * transaction: both are stored, or neither. Whether the version can be adopted is the note's rule
 * ({@link org.tcyledger.meetings.note.GuidanceNoteAdoption}); handlers of the Meeting aggregate receive this from Axon.
 */
@FunctionalInterface
public interface GuidanceNoteAdoptions {

    /** Empty when the note recorded the adoption; otherwise why the note refused it. */
    Optional<String> adopt(AdoptGuidanceNote adoption);
}
