package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.meetings.note.GuidanceNote;
import org.tcyledger.meetings.note.NoteHistory;
import org.tcyledger.meetings.note.api.NoteReads;
import org.tcyledger.meetings.replica.AssessmentsReplica;
import org.tcyledger.meetings.replica.ConsultationsReplica;
import org.tcyledger.register.MemberRegister;

/**
 * What meetings knows to decide on: its own guidance notes (from its event store, in the command's transaction)
 * the members (from its register replica), the assessment cycles and the consultations (from its replicas of
 * tcy.assessments.v1 and tcy.cloud-evidence.v1).
 */
@ApplicationScoped
public class StoredDecisionSubjects implements org.tcyledger.meetings.meeting.DecisionSubjects {

    @Inject
    NoteReads notes;
    @Inject
    MemberRegister register;
    @Inject
    AssessmentsReplica assessments;
    @Inject
    ConsultationsReplica consultations;

    private Optional<String> guidanceNote(String noteId, Integer version) {
        Optional<NoteHistory> history = notes.history(noteId);
        if (history.isEmpty()) {
            return Optional.of("No guidance note " + noteId);
        }
        GuidanceNote.Version found = history.get().versions().get(version);
        if (found == null) {
            return Optional.of("Guidance note " + noteId + " has no version " + version);
        }
        if (!found.adoptable()) {
            return Optional.of("Version " + version + " of " + noteId + " has no French text and is not englishOnly");
        }
        return history.get().adoptionOf(version)
                .map(earlier -> "Version " + version + " of " + noteId + " was already adopted by " + earlier.meetingId());
    }

    @Override
    public Optional<String> problemWith(DecisionKind kind, String subject, Integer version) {
        return switch (kind) {
            case ADOPT_GUIDANCE_NOTE -> guidanceNote(subject, version);
            case WELCOME_NEW_PARTY -> register.exists(subject)
                    ? Optional.empty() : Optional.of("No member " + subject + " in the register");
            case ADOPT_ASSESSMENT_REPORT -> assessments.problemWithAdopting(subject, version);
            case ENDORSE_CEG_RECOMMENDATIONS -> consultations.problemWithEndorsing(subject);
            case GENERAL, ELECT_BUREAU -> Optional.empty();
        };
    }
}
