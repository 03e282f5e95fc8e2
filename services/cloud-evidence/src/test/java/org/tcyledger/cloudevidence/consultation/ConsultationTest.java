package org.tcyledger.cloudevidence.consultation;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.CloseConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.EndorseRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.HoldHearing;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.IssueRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.OpenConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.RecordSubmission;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.RegisterStakeholder;
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

    /** What the fake vault was asked to seal, in order. */
    private final List<String> sealed = new ArrayList<>();

    /** A stand-in for the consultation's key: a recognisable ciphertext of what it was given, and a record of it. */
    private final AttributionSeal attributions = new AttributionSeal() {
        @Override
        public String seal(String consultationId, String stakeholderId) {
            sealed.add(stakeholderId);
            return ciphertext(consultationId + "/" + stakeholderId);
        }

        @Override
        public Optional<String> open(String consultationId, String ciphertext) {
            return Optional.empty();
        }
    };

    private final StakeholderNames names = new StakeholderNames() {
        @Override
        public String seal(String consultationId, String stakeholderId, String name) {
            sealed.add(name);
            return ciphertext(stakeholderId + "/" + name);
        }

        @Override
        public Optional<String> open(String stakeholderId, String sealedName) {
            return Optional.empty();
        }
    };

    private static String ciphertext(String plain) {
        return Base64.getEncoder().encodeToString(("sealed:" + plain).getBytes(StandardCharsets.UTF_8));
    }

    private FixtureConfiguration<Consultation> fixture() {
        FixtureConfiguration<Consultation> fixture = new AggregateTestFixture<>(Consultation.class);
        fixture.registerInjectableResource(attributions);
        fixture.registerInjectableResource(names);
        return fixture;
    }

    private static RecordSubmission submission(LocalDate on, List<Position> positions, String stakeholder) {
        return new RecordSubmission(CEG, "sub1", stakeholder, on, positions, "Our view …");
    }

    @Test
    void aConsultationAsksAboutAtLeastOneOption() {
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), OPTIONS, OPENS, CLOSES, true))
                .expectEvents(OPENED);
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), List.of(), OPENS, CLOSES, true))
                .expectException(ruleNamed("at-least-one-option")).expectExceptionMessage(containsString("at least one option"));
    }

    @Test
    void optionsAreNumberedOnce() {
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(),
                        List.of(OPTIONS.get(0), new Option("1", "The same number again")), OPENS, CLOSES, true))
                .expectException(ruleNamed("options-numbered-once")).expectNoEvents();
    }

    @Test
    void aConsultationClosesAfterItOpens() {
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), OPTIONS, CLOSES, OPENS, true))
                .expectException(ruleNamed("closes-after-it-opens")).expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation(CEG, OPENED.title(), OPENED.question(), OPTIONS, OPENS, OPENS, true))
                .expectEvents(new ConsultationOpened(CEG, OPENED.title(), OPENED.question(), OPTIONS, OPENS, OPENS, true));
    }

    /** A stakeholder may be a named person: the event carries the name only as the stakeholder's key sealed it. */
    @Test
    void aStakeholderIsRegisteredWithItsNameOnlySealed() {
        fixture().given(OPENED)
                .when(new RegisterStakeholder(CEG, "s2", "Prof. Jane Example", StakeholderKind.ACADEMIA))
                .expectEvents(StakeholderRegistered.sealed(CEG, "s2", StakeholderKind.ACADEMIA,
                        ciphertext("s2/Prof. Jane Example")))
                .expectResultMessagePayload("s2");
        assertEquals(List.of("Prof. Jane Example"), sealed);
    }

    /** Under the Chatham House rule the aggregate seals who made the submission; the stakeholder's id is not stored. */
    @Test
    void aSubmissionCarriesTheKindInClearAndTheAttributionAsSealed() {
        fixture().given(OPENED, PROVIDER).when(submission(LocalDate.parse("2015-11-10"), STANCES, "s1"))
                .expectEvents(new SubmissionReceived(CEG, "sub1", LocalDate.parse("2015-11-10"),
                        StakeholderKind.SERVICE_PROVIDER, STANCES, "Our view …", ciphertext(CEG + "/s1"), true));
        assertEquals(List.of("s1"), sealed);
    }

    @Test
    void withoutTheChathamHouseRuleTheAttributionIsInClear() {
        ConsultationOpened open = new ConsultationOpened(CEG, OPENED.title(), OPENED.question(), OPTIONS, OPENS,
                CLOSES, false);
        fixture().given(open, PROVIDER).when(submission(LocalDate.parse("2015-11-10"), STANCES, "s1"))
                .expectEvents(new SubmissionReceived(CEG, "sub1", LocalDate.parse("2015-11-10"),
                        StakeholderKind.SERVICE_PROVIDER, STANCES, "Our view …", "s1", false));
        assertEquals(List.of(), sealed);
    }

    @Test
    void theSecretariatReadsWhoMadeASubmissionUntilTheKeyIsGone() {
        SubmissionReceived inClear = new SubmissionReceived(CEG, "sub1", CLOSES, StakeholderKind.SERVICE_PROVIDER,
                STANCES, "x", "s1", false);
        SubmissionReceived underTheRule = new SubmissionReceived(CEG, "sub2", CLOSES, StakeholderKind.SERVICE_PROVIDER,
                STANCES, "x", ciphertext(CEG + "/s1"), true);
        AttributionSeal opens = new AttributionSeal() {
            @Override
            public String seal(String consultationId, String stakeholderId) {
                throw new AssertionError("a read seals nothing");
            }

            @Override
            public Optional<String> open(String consultationId, String ciphertext) {
                return ciphertext.equals(ciphertext(CEG + "/s1")) ? Optional.of("s1") : Optional.empty();
            }
        };
        assertEquals("s1", ChathamHouse.whoMade(inClear, opens));
        assertEquals("s1", ChathamHouse.whoMade(underTheRule, opens));
        assertEquals(ChathamHouse.ERASED, ChathamHouse.whoMade(underTheRule, attributions));
    }

    @Test
    void submissionsOnlyWhileOpen() {
        fixture().given(OPENED, PROVIDER).when(submission(OPENS.minusDays(1), STANCES, "s1"))
                .expectException(ruleNamed("submission-while-open")).expectNoEvents();
        fixture().given(OPENED, PROVIDER).when(submission(CLOSES.plusDays(1), STANCES, "s1"))
                .expectException(ruleNamed("submission-while-open")).expectNoEvents();
        fixture().given(OPENED, PROVIDER, new ConsultationClosed(CEG, LocalDate.parse("2015-11-20")))
                .when(submission(LocalDate.parse("2015-11-25"), STANCES, "s1"))
                .expectException(ruleNamed("submission-while-open")).expectExceptionMessage(containsString("closed"));
        assertEquals(List.of(), sealed);
    }

    @Test
    void aStanceOnAnUnknownOptionOrFromAnUnknownStakeholderIsRefused() {
        fixture().given(OPENED, PROVIDER)
                .when(submission(LocalDate.parse("2015-11-10"), List.of(new Position("5", Stance.SUPPORT)), "s1"))
                .expectException(ruleNamed("stance-on-known-option")).expectExceptionMessage(containsString("no option 5"));
        fixture().given(OPENED, PROVIDER).when(submission(LocalDate.parse("2015-11-10"), STANCES, "s9"))
                .expectException(ruleNamed("known-stakeholder")).expectExceptionMessage(containsString("no stakeholder"));
        fixture().given(OPENED)
                .when(new HoldHearing(CEG, CLOSES, "Strasbourg", List.of("s9")))
                .expectException(ruleNamed("known-stakeholder"));
        fixture().given(OPENED, PROVIDER)
                .when(new HoldHearing(CEG, CLOSES, "Strasbourg", List.of("s1")))
                .expectEvents(new HearingHeld(CEG, CLOSES, "Strasbourg", List.of("s1")));
    }

    @Test
    void recommendationsFollowTheCloseAndAreEndorsedOnce() {
        fixture().given(OPENED).when(new IssueRecommendations(CEG, List.of("2", "3"), "Guidelines and a Protocol"))
                .expectException(ruleNamed("recommendations-after-close")).expectExceptionMessage(containsString("close"));
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

    @Test
    void recommendationsAreIssuedOnceOnKnownOptions() {
        RecommendationsIssued issued = new RecommendationsIssued(CEG, List.of("2", "3"), "x");
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES), issued)
                .when(new IssueRecommendations(CEG, List.of("2"), "again"))
                .expectException(ruleNamed("recommendations-once")).expectNoEvents();
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES))
                .when(new IssueRecommendations(CEG, List.of("2", "7"), "Guidelines and option 7"))
                .expectException(ruleNamed("stance-on-known-option")).expectExceptionMessage(containsString("no option 7"));
    }

    @Test
    void aConsultationClosesOnce() {
        fixture().given(OPENED, new ConsultationClosed(CEG, CLOSES)).when(new CloseConsultation(CEG, CLOSES))
                .expectException(ruleNamed("consultation-closed")).expectNoEvents();
    }
}
