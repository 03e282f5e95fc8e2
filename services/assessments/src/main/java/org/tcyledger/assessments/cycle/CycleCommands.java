package org.tcyledger.assessments.cycle;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.assessments.AssessmentEvent.Answer;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpStatus;
import org.tcyledger.contracts.assessments.AssessmentEvent.Question;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;

/** What the secretariat records about an assessment cycle (domain.md §3), and the plenary's adoption. */
public final class CycleCommands {

    private CycleCommands() {
    }

    /** The assessed Parties are the Parties on {@code launchedOn} ({@link AssessedParties}). */
    public record LaunchCycle(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                              LocalDate replyDeadline) {
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

    public record SubmitDraftReport(@TargetAggregateIdentifier String cycleId, List<Finding> findings,
                                    List<Recommendation> recommendations) {
    }

    public record RecordComment(@TargetAggregateIdentifier String cycleId, String partyId, int onVersion, String text) {
    }

    /** Sent by the consumer of tcy.meetings.v1 for a decision ADOPT_ASSESSMENT_REPORT. */
    public record AdoptReport(@TargetAggregateIdentifier String cycleId, int version, String meetingId,
                              String decisionId, LocalDate adoptedOn) {
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
