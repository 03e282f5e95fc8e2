package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.meetings.note.api.NoteReads;
import org.tcyledger.meetings.replica.AssessmentsReplica;
import org.tcyledger.meetings.replica.ConsultationsReplica;
import org.tcyledger.register.MemberRegister;

/**
 * What meetings knows to decide on: its own guidance notes (from its event store, in the command's transaction; whether
 * a version can be adopted is the note's own rule, GuidanceNoteAdoption), the members (from its register replica), the
 * assessment cycles and the consultations (from its replicas of tcy.assessments.v1 and tcy.cloud-evidence.v1, each
 * once it has caught up with its topic, else 503).
 */
@ApplicationScoped
public class StoredDecisionSubjects implements org.tcyledger.meetings.meeting.DecisionSubjects {

    @Inject
    NoteReads notes;
    @Inject
    MemberRegister register;
    @Inject
    ConsumerRunner consumers;
    @Inject
    AssessmentsReplica assessments;
    @Inject
    ConsultationsReplica consultations;
    @Inject
    StoredGovernance governance;

    @Override
    public Optional<String> problemWith(DecisionKind kind, String subject, Integer version) {
        return switch (kind) {
            case ADOPT_GUIDANCE_NOTE -> notes.history(subject).isPresent()
                    ? Optional.empty() : Optional.of("No guidance note " + subject);
            case WELCOME_NEW_PARTY -> {
                register.awaitCaughtUp();
                yield register.exists(subject) ? Optional.empty() : Optional.of("No member " + subject + " in the register");
            }
            case ADOPT_ASSESSMENT_REPORT -> {
                consumers.awaitCaughtUp(AssessmentsReplica.GROUP);
                yield assessments.problemWithAdopting(subject, version);
            }
            case ENDORSE_CEG_RECOMMENDATIONS -> {
                consumers.awaitCaughtUp(ConsultationsReplica.GROUP);
                yield consultations.problemWithEndorsing(subject);
            }
            case EXTEND_MANDATE -> governance.mandateOf(subject).isPresent()
                    ? Optional.empty() : Optional.of("No working body " + subject + " was established");
            default -> Optional.empty();
        };
    }
}
