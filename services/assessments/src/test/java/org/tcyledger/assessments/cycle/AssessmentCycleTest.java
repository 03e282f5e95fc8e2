package org.tcyledger.assessments.cycle;

import static org.hamcrest.Matchers.containsString;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.tcyledger.assessments.cycle.CycleCommands.AddPartyToCycle;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.assessments.cycle.CycleCommands.CloseCycle;
import org.tcyledger.assessments.cycle.CycleCommands.CorrectReply;
import org.tcyledger.assessments.cycle.CycleCommands.LaunchCycle;
import org.tcyledger.assessments.cycle.CycleCommands.PublishQuestionnaire;
import org.tcyledger.assessments.cycle.CycleCommands.RecordComment;
import org.tcyledger.assessments.cycle.CycleCommands.RecordFollowUp;
import org.tcyledger.assessments.cycle.CycleCommands.RecordReply;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitDraftReport;
import org.tcyledger.contracts.assessments.AssessmentEvent.Answer;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentCycleLaunched;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.CycleClosed;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftCommented;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftReportSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpRecorded;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpStatus;
import org.tcyledger.contracts.assessments.AssessmentEvent.PartyAddedToCycle;
import org.tcyledger.contracts.assessments.AssessmentEvent.Priority;
import org.tcyledger.contracts.assessments.AssessmentEvent.Question;
import org.tcyledger.contracts.assessments.AssessmentEvent.QuestionnairePublished;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyCorrected;
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyReceived;
import org.tcyledger.contracts.assessments.AssessmentEvent.Scope;

/** The rules of domain.md §3 on the second round (mutual legal assistance), one given/when/then each. */
class AssessmentCycleTest {

    private static final String ROUND_2 = "round-2-mla";
    private static final LocalDate LAUNCHED = LocalDate.parse("2013-04-01");
    private static final LocalDate DEADLINE = LocalDate.parse("2013-09-30");
    private static final AssessmentCycleLaunched LAUNCH = new AssessmentCycleLaunched(ROUND_2,
            "Assessment of the mutual legal assistance provisions", List.of("31"), LAUNCHED, DEADLINE,
            List.of("EE", "JP", "RO"));
    private static final QuestionnairePublished QUESTIONNAIRE = new QuestionnairePublished(ROUND_2, "T-CY(2013)04",
            List.of(new Question("q1", "31", "How many requests …")));
    private static final List<Answer> ANSWERS = List.of(new Answer("q1", "In 2012 …"));
    private static final Recommendation R1 = new Recommendation("r1", "Parties", "Allocate more resources", Priority.HIGH);
    private static final DraftReportSubmitted DRAFT = new DraftReportSubmitted(ROUND_2, 1,
            List.of(new Finding("EE", "31", "Requests are processed …")), List.of(R1));
    private static final LocalDate T_CY_12 = LocalDate.parse("2014-12-03");
    private static final AssessmentReportAdopted ADOPTED = new AssessmentReportAdopted(ROUND_2, 1, "T-CY-12", "d1", T_CY_12);

    /**
     * The register as the replica would answer: the Parties on the launch of round 2, South Africa an observer State
     * then (a signatory), and Panama a Party today.
     */
    private static final Parties PARTIES = new Parties() {
        @Override
        public List<String> on(LocalDate date) {
            return date.equals(LAUNCHED) ? List.of("EE", "JP", "RO") : List.of();
        }

        @Override
        public List<String> observerStatesOn(LocalDate date) {
            return date.equals(LAUNCHED) ? List.of("AR", "ZA") : List.of();
        }

        @Override
        public boolean isPartyToday(String memberId) {
            return Set.of("EE", "JP", "RO", "PA").contains(memberId);
        }
    };

    private static FixtureConfiguration<AssessmentCycle> fixture() {
        FixtureConfiguration<AssessmentCycle> fixture = new AggregateTestFixture<>(AssessmentCycle.class);
        fixture.registerInjectableResource(PARTIES);
        return fixture;
    }

    /** The assessed Parties are the Parties to ETS185 on the launch date, as the register answers. */
    @Test
    void aCycleIsLaunchedOnTheParties() {
        fixture().givenNoPriorActivity()
                .when(new LaunchCycle(ROUND_2, LAUNCH.title(), List.of("31"), LAUNCHED, DEADLINE))
                .expectEvents(LAUNCH).expectResultMessagePayload(List.of("EE", "JP", "RO"));
        fixture().givenNoPriorActivity()
                .when(new LaunchCycle(ROUND_2, LAUNCH.title(), List.of("31"), LAUNCHED, LAUNCHED.minusDays(1)))
                .expectException(ruleNamed("deadline-after-launch"));
    }

    /**
     * With the scope PARTIES_AND_OBSERVERS (the Article 13 round) the observer States on the launch date are assessed
     * too, in order of id; without a scope, only the Parties.
     */
    @Test
    void aCycleOfPartiesAndObserversAssessesTheObserverStatesToo() {
        fixture().givenNoPriorActivity()
                .when(new LaunchCycle(ROUND_2, LAUNCH.title(), List.of("13"), LAUNCHED, DEADLINE,
                        Scope.PARTIES_AND_OBSERVERS))
                .expectEvents(new AssessmentCycleLaunched(ROUND_2, LAUNCH.title(), List.of("13"), LAUNCHED, DEADLINE,
                        List.of("AR", "EE", "JP", "RO", "ZA"), Scope.PARTIES_AND_OBSERVERS))
                .expectResultMessagePayload(List.of("AR", "EE", "JP", "RO", "ZA"));
        fixture().givenNoPriorActivity()
                .when(new LaunchCycle(ROUND_2, LAUNCH.title(), List.of("13"), LAUNCHED, DEADLINE, null))
                .expectEvents(new AssessmentCycleLaunched(ROUND_2, LAUNCH.title(), List.of("13"), LAUNCHED, DEADLINE,
                        List.of("EE", "JP", "RO"), Scope.PARTIES));
    }

    /** A draft names its document; the adoption names the decision's document, or else the adopted draft's. */
    @Test
    void draftAndAdoptedReportsNameTheirDocument() {
        DraftReportSubmitted named = new DraftReportSubmitted(ROUND_2, 1, DRAFT.findings(), DRAFT.recommendations(),
                "T-CY(2013)17");
        fixture().given(LAUNCH)
                .when(new SubmitDraftReport(ROUND_2, DRAFT.findings(), DRAFT.recommendations(), "T-CY(2013)17"))
                .expectEvents(named);
        fixture().given(LAUNCH, named).when(new AdoptReport(ROUND_2, 1, "T-CY-12", "d1", T_CY_12))
                .expectEvents(new AssessmentReportAdopted(ROUND_2, 1, "T-CY-12", "d1", T_CY_12, "T-CY(2013)17"));
        fixture().given(LAUNCH, named).when(new AdoptReport(ROUND_2, 1, "T-CY-12", "d1", T_CY_12, "T-CY(2013)17 REV"))
                .expectEvents(new AssessmentReportAdopted(ROUND_2, 1, "T-CY-12", "d1", T_CY_12, "T-CY(2013)17 REV"));
        fixture().given(LAUNCH, DRAFT).when(new AdoptReport(ROUND_2, 1, "T-CY-12", "d1", T_CY_12))
                .expectEvents(ADOPTED);
    }

    @Test
    void theQuestionnaireIsPublishedOnce() {
        fixture().given(LAUNCH).when(new PublishQuestionnaire(ROUND_2, "T-CY(2013)04", QUESTIONNAIRE.questions()))
                .expectEvents(QUESTIONNAIRE);
        fixture().given(LAUNCH, QUESTIONNAIRE).when(new PublishQuestionnaire(ROUND_2, "T-CY(2013)05", QUESTIONNAIRE.questions()))
                .expectException(ruleNamed("questionnaire-once")).expectExceptionMessage(containsString("T-CY(2013)04"));
    }

    @Test
    void repliesComeFromAssessedPartiesAndLateOnesAreFlagged() {
        fixture().given(LAUNCH, QUESTIONNAIRE).when(new RecordReply(ROUND_2, "EE", DEADLINE, ANSWERS))
                .expectEvents(new ReplyReceived(ROUND_2, "EE", DEADLINE, ANSWERS, false)).expectResultMessagePayload(false);
        fixture().given(LAUNCH, QUESTIONNAIRE).when(new RecordReply(ROUND_2, "JP", DEADLINE.plusDays(1), ANSWERS))
                .expectEvents(new ReplyReceived(ROUND_2, "JP", DEADLINE.plusDays(1), ANSWERS, true));
        fixture().given(LAUNCH, QUESTIONNAIRE).when(new RecordReply(ROUND_2, "PA", DEADLINE, ANSWERS))
                .expectException(ruleNamed("party-assessed")).expectExceptionMessage(containsString("not assessed"));
        fixture().given(LAUNCH).when(new RecordReply(ROUND_2, "EE", DEADLINE, ANSWERS))
                .expectException(ruleNamed("reply-needs-questionnaire")).expectExceptionMessage(containsString("questionnaire"));
        fixture().given(LAUNCH, QUESTIONNAIRE, new ReplyReceived(ROUND_2, "EE", DEADLINE, ANSWERS, false))
                .when(new RecordReply(ROUND_2, "EE", DEADLINE, ANSWERS)).expectException(ruleNamed("reply-once"));
        fixture().given(LAUNCH, QUESTIONNAIRE)
                .when(new RecordReply(ROUND_2, "EE", DEADLINE, List.of(new Answer("q9", "?"))))
                .expectException(ruleNamed("answer-to-a-question")).expectExceptionMessage(containsString("q9"));
    }

    /** A member is added for a supplementary assessment when the register says it is a Party today. */
    @Test
    void aPartyThatJoinedLaterIsAddedOnce() {
        fixture().given(LAUNCH).when(new AddPartyToCycle(ROUND_2, "PA", "Party since 2014-07-01"))
                .expectEvents(new PartyAddedToCycle(ROUND_2, "PA", "Party since 2014-07-01"));
        fixture().given(LAUNCH).when(new AddPartyToCycle(ROUND_2, "EE", "again"))
                .expectException(ruleNamed("party-already-assessed"));
        fixture().given(LAUNCH).when(new AddPartyToCycle(ROUND_2, "BR", "not a Party"))
                .expectException(ruleNamed("supplementary-assessment-of-a-party"));
    }

    @Test
    void draftsAreVersionedAndCommentedByVersion() {
        fixture().given(LAUNCH).when(new SubmitDraftReport(ROUND_2, DRAFT.findings(), DRAFT.recommendations()))
                .expectEvents(DRAFT).expectResultMessagePayload(1);
        fixture().given(LAUNCH, DRAFT).when(new SubmitDraftReport(ROUND_2, DRAFT.findings(), DRAFT.recommendations()))
                .expectResultMessagePayload(2);
        fixture().given(LAUNCH, DRAFT).when(new RecordComment(ROUND_2, "JP", 1, "Paragraph 3 …"))
                .expectEvents(new DraftCommented(ROUND_2, "JP", 1, "Paragraph 3 …"));
        fixture().given(LAUNCH, DRAFT).when(new RecordComment(ROUND_2, "JP", 2, "?"))
                .expectException(ruleNamed("comment-on-existing-version")).expectExceptionMessage(containsString("version 2"));
        fixture().given(LAUNCH, DRAFT).when(new RecordComment(ROUND_2, "PA", 1, "?"))
                .expectException(ruleNamed("party-assessed"));
    }

    @Test
    void findingsAreOnAssessedPartiesAndNoDraftFollowsTheAdoption() {
        fixture().given(LAUNCH)
                .when(new SubmitDraftReport(ROUND_2, List.of(new Finding("PA", "31", "?")), List.of(R1)))
                .expectException(ruleNamed("finding-on-assessed-party")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED)
                .when(new SubmitDraftReport(ROUND_2, DRAFT.findings(), DRAFT.recommendations()))
                .expectException(ruleNamed("no-draft-after-adoption")).expectNoEvents();
    }

    @Test
    void adoptionFollowsThePlenarysDecisionOnceAndRefusalsAreRecorded() {
        fixture().given(LAUNCH, DRAFT).when(new AdoptReport(ROUND_2, 1, "T-CY-12", "d1", T_CY_12)).expectEvents(ADOPTED);
        fixture().given(LAUNCH, DRAFT).when(new AdoptReport(ROUND_2, 2, "T-CY-12", "d1", T_CY_12))
                .expectEvents(new AssessmentReportAdoptionRefused(ROUND_2, 2, "T-CY-12", "d1", ROUND_2 + " has no draft version 2"));
        fixture().given(LAUNCH, DRAFT, ADOPTED).when(new AdoptReport(ROUND_2, 1, "T-CY-12", "d1", T_CY_12))
                .expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED).when(new AdoptReport(ROUND_2, 1, "T-CY-13", "d2", T_CY_12.plusMonths(6)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(AssessmentReportAdoptionRefused.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void followUpComesAfterAdoptionOnAnAdoptedRecommendation() {
        FollowUpRecorded followUp = new FollowUpRecorded(ROUND_2, "r1", "EE", FollowUpStatus.PARTIALLY,
                LocalDate.parse("2016-06-01"), null);
        fixture().given(LAUNCH, DRAFT, ADOPTED)
                .when(new RecordFollowUp(ROUND_2, "r1", "EE", FollowUpStatus.PARTIALLY, LocalDate.parse("2016-06-01"), null))
                .expectEvents(followUp);
        fixture().given(LAUNCH, DRAFT)
                .when(new RecordFollowUp(ROUND_2, "r1", "EE", FollowUpStatus.PARTIALLY, LocalDate.parse("2016-06-01"), null))
                .expectException(ruleNamed("follow-up-after-adoption")).expectExceptionMessage(containsString("not adopted"));
        fixture().given(LAUNCH, DRAFT, ADOPTED)
                .when(new RecordFollowUp(ROUND_2, "r9", "EE", FollowUpStatus.IMPLEMENTED, LocalDate.parse("2016-06-01"), null))
                .expectException(ruleNamed("follow-up-of-adopted-recommendation"));
        fixture().given(LAUNCH, DRAFT, ADOPTED)
                .when(new RecordFollowUp(ROUND_2, "r1", "EE", FollowUpStatus.IMPLEMENTED, LocalDate.parse("2014-01-01"), null))
                .expectException(ruleNamed("date-not-before-previous-step"));
    }

    @Test
    void aClosedCycleTakesNothingMore() {
        fixture().given(LAUNCH).when(new CloseCycle(ROUND_2, LocalDate.parse("2017-01-01")))
                .expectEvents(new CycleClosed(ROUND_2, LocalDate.parse("2017-01-01")));
        fixture().given(LAUNCH, new CycleClosed(ROUND_2, LocalDate.parse("2017-01-01")))
                .when(new SubmitDraftReport(ROUND_2, List.of(), List.of()))
                .expectException(ruleNamed("cycle-closed")).expectExceptionMessage(containsString("closed"));
        fixture().given(LAUNCH).when(new CloseCycle(ROUND_2, LAUNCHED.minusDays(1)))
                .expectException(ruleNamed("date-not-before-previous-step")).expectNoEvents();
    }

    /** A correction names the reply's event; what it leaves out stays as recorded; past the deadline it is late. */
    @Test
    void aReplyIsCorrectedByTheEventThatRecordedIt() {
        List<Answer> corrected = List.of(new Answer("q1", "In 2012, 311 requests …"));
        FixtureConfiguration<AssessmentCycle> answers = fixture();
        TestExecutor<AssessmentCycle> givenAnswers = answers.given(LAUNCH, QUESTIONNAIRE, REPLY);
        givenAnswers.when(new CorrectReply(ROUND_2, replyEventId(answers), "a figure was wrong", null, corrected))
                .expectEvents(new ReplyCorrected(ROUND_2, replyEventId(answers), "EE", "a figure was wrong", DEADLINE,
                        corrected, false))
                .expectResultMessagePayload(false);
        FixtureConfiguration<AssessmentCycle> date = fixture();
        TestExecutor<AssessmentCycle> givenDate = date.given(LAUNCH, QUESTIONNAIRE, REPLY);
        givenDate.when(new CorrectReply(ROUND_2, replyEventId(date), "received a day later", DEADLINE.plusDays(1),
                        List.of()))
                .expectEvents(new ReplyCorrected(ROUND_2, replyEventId(date), "EE", "received a day later",
                        DEADLINE.plusDays(1), ANSWERS, true))
                .expectResultMessagePayload(true);
    }

    @Test
    void aCorrectionNamesARecordedReplyAndAnswersTheQuestions() {
        fixture().given(LAUNCH, QUESTIONNAIRE, REPLY)
                .when(new CorrectReply(ROUND_2, "no-such-event", "typo", null, ANSWERS))
                .expectException(ruleNamed("correction-of-unknown-record")).expectNoEvents();
        FixtureConfiguration<AssessmentCycle> fixture = fixture();
        TestExecutor<AssessmentCycle> given = fixture.given(LAUNCH, QUESTIONNAIRE, REPLY);
        given.when(new CorrectReply(ROUND_2, replyEventId(fixture), "typo", null, List.of(new Answer("q9", "?"))))
                .expectException(ruleNamed("answer-to-a-question")).expectNoEvents();
    }

    private static final ReplyReceived REPLY = new ReplyReceived(ROUND_2, "EE", DEADLINE, ANSWERS, false);

    /** The id the fixture gave to the stored reply (the third event), which a correction names. */
    private static String replyEventId(FixtureConfiguration<AssessmentCycle> fixture) {
        return fixture.getEventStore().readEvents(ROUND_2).asStream()
                .filter(event -> event.getSequenceNumber() == 2).findFirst().orElseThrow().getIdentifier();
    }
}
