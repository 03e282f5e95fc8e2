package org.tcyledger.assessments.cycle;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.assessments.AssessmentEvent.Answer;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpStatus;
import org.tcyledger.contracts.assessments.AssessmentEvent.Question;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;
import org.tcyledger.contracts.assessments.AssessmentEvent.Scope;

/** What the secretariat records about an assessment cycle (domain.md §3), and the plenary's adoption. */
public final class CycleCommands {

    private CycleCommands() {
    }

    /**
     * The assessed are the Parties on {@code launchedOn}, and with {@code scope} PARTIES_AND_OBSERVERS the observer
     * States too ({@link AssessedParties}); no scope is PARTIES.
     */
    public record LaunchCycle(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                              LocalDate replyDeadline, Scope scope) {
        public LaunchCycle {
            scope = scope == null ? Scope.PARTIES : scope;
        }

        public LaunchCycle(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                           LocalDate replyDeadline) {
            this(cycleId, title, articles, launchedOn, replyDeadline, Scope.PARTIES);
        }
    }

    public record PublishQuestionnaire(@TargetAggregateIdentifier String cycleId, String documentSymbol,
                                       List<Question> questions) {
    }

    public record RecordReply(@TargetAggregateIdentifier String cycleId, String partyId, LocalDate receivedOn,
                              List<Answer> answers) {
    }

    /** A supplementary assessment of a member that is a Party to ETS185 today ({@link AssessedParties}). */
    public record AddPartyToCycle(@TargetAggregateIdentifier String cycleId, String partyId, String reason) {
    }

    /** {@code documentSymbol}: the draft's document, optional; carried, not checked against a register here. */
    public record SubmitDraftReport(@TargetAggregateIdentifier String cycleId, List<Finding> findings,
                                    List<Recommendation> recommendations, String documentSymbol) {
        public SubmitDraftReport(String cycleId, List<Finding> findings, List<Recommendation> recommendations) {
            this(cycleId, findings, recommendations, null);
        }
    }

    /** A supplementary report on Parties the adopted main report did not assess ({@link SupplementaryReports}). */
    public record OpenSupplement(@TargetAggregateIdentifier String cycleId, String supplementId, List<String> partyIds,
                                 String reason) {
    }

    public record SubmitSupplementDraft(@TargetAggregateIdentifier String cycleId, String supplementId,
                                        List<Finding> findings, List<Recommendation> recommendations,
                                        String documentSymbol) {
    }

    public record RecordComment(@TargetAggregateIdentifier String cycleId, String partyId, int onVersion, String text) {
    }

    /**
     * Sent by the consumer of tcy.meetings.v1 for a decision ADOPT_ASSESSMENT_REPORT on a cycle;
     * {@code documentSymbol} as the decision named it, if it did.
     */
    public record AdoptReport(@TargetAggregateIdentifier String cycleId, int version, String meetingId,
                              String decisionId, LocalDate adoptedOn, String documentSymbol) {
        public AdoptReport(String cycleId, int version, String meetingId, String decisionId, LocalDate adoptedOn) {
            this(cycleId, version, meetingId, decisionId, adoptedOn, null);
        }
    }

    /** Sent by the consumer of tcy.meetings.v1 for a decision ADOPT_ASSESSMENT_REPORT on {@code {cycleId}/{supplementId}}. */
    public record AdoptSupplement(@TargetAggregateIdentifier String cycleId, String supplementId, int version,
                                  String meetingId, String decisionId, LocalDate adoptedOn, String documentSymbol) {
    }

    public record RecordFollowUp(@TargetAggregateIdentifier String cycleId, String recommendationId, String partyId,
                                 FollowUpStatus status, LocalDate assessedOn, String note) {
    }

    /** Corrects the reply recorded by {@code correctsEventId}. */
    public record CorrectReply(@TargetAggregateIdentifier String cycleId, String correctsEventId, String reason,
                               LocalDate receivedOn, List<Answer> answers) {
    }

    public record CloseCycle(@TargetAggregateIdentifier String cycleId, LocalDate closedOn) {
    }
}
