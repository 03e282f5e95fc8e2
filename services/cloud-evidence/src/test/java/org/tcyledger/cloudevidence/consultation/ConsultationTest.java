package org.tcyledger.cloudevidence.consultation;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.CloseConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.EndorseRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.HoldHearing;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.IssueRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.OpenConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.RecordSubmission;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationClosed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationOpened;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.HearingHeld;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Option;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Position;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsEndorsed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsIssued;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Stance;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.SubmissionReceived;
import org.tcyledger.eventsourcing.RuleViolation;

/** The rules of domain.md §4 on the real 2015 consultation: its four options, the 30 November hearing. */
class ConsultationTest {

    private static final String CEG = "ceg-2015-hearing";
    private static final List<Option> OPTIONS = List.of(
            new Option("1", "Exploiting existing provisions of the Budapest Convention (e.g. Article 18.1.b)"),
            new Option("2", "Guidelines on cooperation with providers"),
            new Option("3", "Additional Protocol to the Budapest Convention"),
            new Option("4", "More effective use of MLA procedures"));
    private static final LocalDate OPENS = LocalDate.parse("2015-05-26");
    private static final LocalDate CLOSES = LocalDate.parse("2015-11-30");
    private static final ConsultationOpened OPENED = new ConsultationOpened(CEG, "Criminal justice access to data in "
            + "the cloud", "Which options should the T-CY pursue?", OPTIONS, OPENS, CLOSES, true);
    private static final StakeholderRegistered PROVIDER = StakeholderRegistered.sealed(CEG, "s1",
            StakeholderKind.SERVICE_PROVIDER, "c2VhbGVkIG5hbWU=");
    private static final List<Position> STANCES = List.of(new Position("2", Stance.SUPPORT),
            new Position("3", Stance.OPPOSE));

    private static FixtureConfiguration<Consultation> fixture() {
        return new AggregateTestFixture<>(Consultation.class);
    }

    private static RecordSubmission submission(LocalDate on, List<Position> positions, String stakeholder) {
        return new RecordSubmission(CEG, "sub1", stakeholder, on, positions, "Our view …", "c2VhbGVk", true);
    }

    @Test
    void aConsultationAsksAboutAtLeastOneOption() {
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), OPTIONS, OPENS, CLOSES, true))
                .expectEvents(OPENED);
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), List.of(), OPENS, CLOSES, true))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("at least one option"));
    }

    @Test
    void aSubmissionCarriesTheKindInClearAndTheAttributionAsSealed() {
        fixture().given(OPENED, PROVIDER).when(submission(LocalDate.parse("2015-11-10"), STANCES, "s1"))
                .expectEvents(new SubmissionReceived(CEG, "sub1", LocalDate.parse("2015-11-10"),
                        StakeholderKind.SERVICE_PROVIDER, STANCES, "Our view …", "c2VhbGVk", true));
    }

    @Test
    void submissionsOnlyWhileOpen() {
        fixture().given(OPENED, PROVIDER).when(submission(OPENS.minusDays(1), STANCES, "s1"))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture().given(OPENED, PROVIDER).when(submission(CLOSES.plusDays(1), STANCES, "s1"))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture().given(OPENED, PROVIDER, new ConsultationClosed(CEG, LocalDate.parse("2015-11-20")))
                .when(submission(LocalDate.parse("2015-11-25"), STANCES, "s1"))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("closed"));
    }

    @Test
    void aStanceOnAnUnknownOptionOrFromAnUnknownStakeholderIsRefused() {
        fixture().given(OPENED, PROVIDER)
                .when(submission(LocalDate.parse("2015-11-10"), List.of(new Position("5", Stance.SUPPORT)), "s1"))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("no option 5"));
        fixture().given(OPENED, PROVIDER).when(submission(LocalDate.parse("2015-11-10"), STANCES, "s9"))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("no stakeholder"));
        fixture().given(OPENED)
                .when(new HoldHearing(CEG, CLOSES, "Strasbourg", List.of("s9")))
                .expectException(RuleViolation.class);
        fixture().given(OPENED, PROVIDER)
                .when(new HoldHearing(CEG, CLOSES, "Strasbourg", List.of("s1")))
                .expectEvents(new HearingHeld(CEG, CLOSES, "Strasbourg", List.of("s1")));
    }

    @Test
    void recommendationsFollowTheCloseAndAreEndorsedOnce() {
        fixture().given(OPENED).when(new IssueRecommendations(CEG, List.of("2", "3"), "Guidelines and a Protocol"))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("close"));
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES))
                .when(new IssueRecommendations(CEG, List.of("2", "3"), "Guidelines and a Protocol"))
                .expectEvents(new RecommendationsIssued(CEG, List.of("2", "3"), "Guidelines and a Protocol"));
        RecommendationsIssued issued = new RecommendationsIssued(CEG, List.of("2", "3"), "x");
        RecommendationsEndorsed endorsed = new RecommendationsEndorsed(CEG, "T-CY-16", "d1", LocalDate.parse("2016-11-14"));
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES), issued)
                .when(new EndorseRecommendations(CEG, "T-CY-16", "d1", LocalDate.parse("2016-11-14")))
                .expectEvents(endorsed);
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES), issued, endorsed)
                .when(new EndorseRecommendations(CEG, "T-CY-16", "d1", LocalDate.parse("2016-11-14")))
                .expectNoEvents();
        fixture().given(OPENED)
                .when(new EndorseRecommendations(CEG, "T-CY-16", "d1", LocalDate.parse("2016-11-14")))
                .expectNoEvents();
        fixture().given(OPENED).when(new CloseConsultation(CEG, CLOSES))
                .expectEvents(new ConsultationClosed(CEG, CLOSES));
    }
}
