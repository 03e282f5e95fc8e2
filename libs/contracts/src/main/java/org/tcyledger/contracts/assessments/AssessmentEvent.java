package org.tcyledger.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.WireType;

/** Everything the assessments context publishes about a cycle on {@code tcy.assessments.v1}. */
public sealed interface AssessmentEvent {

    String cycleId();

    /**
     * {@code assessedParties}: the Parties to ETS185 on {@code launchedOn}, from the members register, and with
     * {@code scope} PARTIES_AND_OBSERVERS the States with capacity OBSERVER on that day too. Events recorded before
     * the scope existed have none: PARTIES.
     */
    @WireType("tcy.assessments.AssessmentCycleLaunched.v1")
    record AssessmentCycleLaunched(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                                   LocalDate replyDeadline, List<String> assessedParties, @AddedLater Scope scope)
            implements AssessmentEvent {
        public AssessmentCycleLaunched {
            articles = List.copyOf(articles);
            assessedParties = List.copyOf(assessedParties);
            scope = scope == null ? Scope.PARTIES : scope;
        }

        public AssessmentCycleLaunched(String cycleId, String title, List<String> articles, LocalDate launchedOn,
                                       LocalDate replyDeadline, List<String> assessedParties) {
            this(cycleId, title, articles, launchedOn, replyDeadline, assessedParties, Scope.PARTIES);
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

    /** {@code documentSymbol}: the draft's document (T-CY(2015)24), when the secretariat named it. */
    @WireType("tcy.assessments.DraftReportSubmitted.v1")
    record DraftReportSubmitted(String cycleId, int version, List<Finding> findings,
                                List<Recommendation> recommendations, @AddedLater String documentSymbol)
            implements AssessmentEvent {
        public DraftReportSubmitted {
            findings = List.copyOf(findings);
            recommendations = List.copyOf(recommendations);
        }

        public DraftReportSubmitted(String cycleId, int version, List<Finding> findings,
                                    List<Recommendation> recommendations) {
            this(cycleId, version, findings, recommendations, null);
        }
    }

    @WireType("tcy.assessments.DraftCommented.v1")
    record DraftCommented(String cycleId, String partyId, int onVersion, String text) implements AssessmentEvent {
    }

    /**
     * Recorded because the plenary decided it: which meeting, which decision, on which date; {@code documentSymbol}
     * the adopted document, as the decision named it or else as its draft did (none in events recorded before).
     */
    @WireType("tcy.assessments.AssessmentReportAdopted.v1")
    record AssessmentReportAdopted(String cycleId, int version, String meetingId, String decisionId,
                                   LocalDate adoptedOn, @AddedLater String documentSymbol) implements AssessmentEvent {
        public AssessmentReportAdopted(String cycleId, int version, String meetingId, String decisionId,
                                       LocalDate adoptedOn) {
            this(cycleId, version, meetingId, decisionId, adoptedOn, null);
        }
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

    /**
     * A supplementary report, after the main report's adoption, on Parties it did not assess (Malta and Panama in the
     * preservation round, T-CY(2015)24). Its drafts and adoption are events of their own rather than the main
     * report's with a supplement id: a consumer that predates supplements then ignores them, instead of taking a
     * supplement's version 1 or its adoption for the main report's.
     */
    @WireType("tcy.assessments.SupplementOpened.v1")
    record SupplementOpened(String cycleId, String supplementId, List<String> partyIds, String reason)
            implements AssessmentEvent {
        public SupplementOpened {
            partyIds = List.copyOf(partyIds);
        }
    }

    /** A draft of a supplementary report: versions 1, 2, … within the supplement. */
    @WireType("tcy.assessments.SupplementDraftSubmitted.v1")
    record SupplementDraftSubmitted(String cycleId, String supplementId, int version, List<Finding> findings,
                                    List<Recommendation> recommendations, String documentSymbol)
            implements AssessmentEvent {
        public SupplementDraftSubmitted {
            findings = List.copyOf(findings);
            recommendations = List.copyOf(recommendations);
        }
    }

    /** A decision ADOPT_ASSESSMENT_REPORT on {@code {cycleId}/{supplementId}}; the main report stays adopted. */
    @WireType("tcy.assessments.SupplementAdopted.v1")
    record SupplementAdopted(String cycleId, String supplementId, int version, String meetingId, String decisionId,
                             LocalDate adoptedOn, String documentSymbol) implements AssessmentEvent {
    }

    /** A decision on a supplement that could not be applied (no such supplement or draft, adopted already). */
    @WireType("tcy.assessments.SupplementAdoptionRefused.v1")
    record SupplementAdoptionRefused(String cycleId, String supplementId, int version, String meetingId,
                                     String decisionId, String reason) implements AssessmentEvent {
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

    /** Who a cycle assesses: the Parties, or the Parties and the observer States (the Article 13 round). */
    enum Scope { PARTIES, PARTIES_AND_OBSERVERS }

    enum FollowUpStatus { IMPLEMENTED, PARTIALLY, NOT_IMPLEMENTED }
}
