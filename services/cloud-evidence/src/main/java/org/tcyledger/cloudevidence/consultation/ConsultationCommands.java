package org.tcyledger.cloudevidence.consultation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Option;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Position;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;

/** What the secretariat records about a consultation of the Cloud Evidence Group (domain.md §4). */
public final class ConsultationCommands {

    private ConsultationCommands() {
    }

    public record OpenConsultation(String consultationId, String title, String question, List<Option> options,
                                   LocalDate opensOn, LocalDate closesOn, boolean chathamHouse) {
    }

    /** {@code name} is stored only sealed with the stakeholder's own key ({@link StakeholderNames}). */
    public record RegisterStakeholder(@TargetAggregateIdentifier String consultationId, String stakeholderId,
                                      String name, StakeholderKind kind) {
    }

    public record HoldHearing(@TargetAggregateIdentifier String consultationId, LocalDate heldOn, String venue,
                              List<String> participants) {
    }

    /**
     * {@code stakeholderId} is checked and stored as the submission's attribution, sealed with the consultation's
     * key when the Chatham House rule applies ({@link ChathamHouse}).
     */
    public record RecordSubmission(@TargetAggregateIdentifier String consultationId, String submissionId,
                                   String stakeholderId, LocalDate receivedOn, List<Position> positions, String text) {
    }

    public record CloseConsultation(@TargetAggregateIdentifier String consultationId, LocalDate closedOn) {
    }

    public record IssueRecommendations(@TargetAggregateIdentifier String consultationId, List<String> recommendedOptions,
                                       String text) {
    }

    /** Sent by the consumer of tcy.meetings.v1 for a decision ENDORSE_CEG_RECOMMENDATIONS. */
    public record EndorseRecommendations(@TargetAggregateIdentifier String consultationId, String meetingId,
                                         String decisionId, LocalDate endorsedOn) {
    }
}
