package org.tcyledger.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;

/** Everything the assessments context publishes about a cycle on {@code tcy.assessments.v1}. */
public sealed interface AssessmentEvent {

    String cycleId();

    /** {@code assessedParties}: the Parties to ETS185 on {@code launchedOn}, from the members register. */
    @WireType("tcy.assessments.AssessmentCycleLaunched.v1")
    record AssessmentCycleLaunched(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                                   LocalDate replyDeadline, List<String> assessedParties) implements AssessmentEvent {
        public AssessmentCycleLaunched {
            articles = List.copyOf(articles);
            assessedParties = List.copyOf(assessedParties);
        }
    }

    @WireType("tcy.assessments.QuestionnairePublished.v1")
    record QuestionnairePublished(String cycleId, String documentSymbol, List<Question> questions)
            implements AssessmentEvent {
        public QuestionnairePublished {
            questions = List.copyOf(questions);
        }
    }

    @WireType("tcy.assessments.ReplyReceived.v1")
    record ReplyReceived(String cycleId, String partyId, LocalDate receivedOn, List<Answer> answers, boolean late)
            implements AssessmentEvent {
        public ReplyReceived {
            answers = List.copyOf(answers);
        }
    }

    /** A supplementary assessment of a Party that joined after the launch. */
    @WireType("tcy.assessments.PartyAddedToCycle.v1")
    record PartyAddedToCycle(String cycleId, String partyId, String reason) implements AssessmentEvent {
    }

    @WireType("tcy.assessments.DraftReportSubmitted.v1")
    record DraftReportSubmitted(String cycleId, int version, List<Finding> findings,
                                List<Recommendation> recommendations) implements AssessmentEvent {
        public DraftReportSubmitted {
            findings = List.copyOf(findings);
            recommendations = List.copyOf(recommendations);
        }
    }

    @WireType("tcy.assessments.DraftCommented.v1")
    record DraftCommented(String cycleId, String partyId, int onVersion, String text) implements AssessmentEvent {
    }

    /** Recorded because the plenary decided it: which meeting, which decision, on which date. */
    @WireType("tcy.assessments.AssessmentReportAdopted.v1")
    record AssessmentReportAdopted(String cycleId, int version, String meetingId, String decisionId,
                                   LocalDate adoptedOn) implements AssessmentEvent {
    }

    /** A decision that could not be applied (no such draft, adopted already): kept, with the reason. */
    @WireType("tcy.assessments.AssessmentReportAdoptionRefused.v1")
    record AssessmentReportAdoptionRefused(String cycleId, int version, String meetingId, String decisionId,
                                           String reason) implements AssessmentEvent {
    }

    @WireType("tcy.assessments.FollowUpRecorded.v1")
    record FollowUpRecorded(String cycleId, String recommendationId, String partyId, FollowUpStatus status,
                            LocalDate assessedOn, String note) implements AssessmentEvent {
    }

    /** A reply recorded with the wrong date or answers; {@code late} follows the corrected date. */
    @WireType("tcy.assessments.ReplyCorrected.v1")
    record ReplyCorrected(String cycleId, String correctsEventId, String partyId, String reason, LocalDate receivedOn,
                          List<Answer> answers, boolean late) implements AssessmentEvent {
        public ReplyCorrected {
            answers = List.copyOf(answers);
        }
    }

    @WireType("tcy.assessments.CycleClosed.v1")
    record CycleClosed(String cycleId, LocalDate closedOn) implements AssessmentEvent {
    }

    record Question(String id, String article, String text) {
    }

    record Answer(String questionId, String text) {
    }

    record Finding(String partyId, String article, String text) {
    }

    record Recommendation(String id, String addressee, String text, Priority priority) {
    }

    enum Priority { HIGH, MEDIUM, LOW }

    enum FollowUpStatus { IMPLEMENTED, PARTIALLY, NOT_IMPLEMENTED }
}
