package org.tcyledger.assessments.cycle;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.OpenSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitDraftReport;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitSupplementDraft;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentCycleLaunched;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.CycleClosed;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftReportSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.PartyAddedToCycle;
import org.tcyledger.contracts.assessments.AssessmentEvent.Priority;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementDraftSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementOpened;

/**
 * Supplementary reports (domain.md §3), on the real case: the preservation round's report T-CY(2012)10 was adopted at
 * T-CY 8; Malta (a Party since 2012-08-01) and Panama (since 2014-07-01) were assessed afterwards in a supplementary
 * report, T-CY(2015)24, tabled at T-CY 15. Its adoption is not in our sources: T-CY 16 here is assumed.
 */
class SupplementaryReportsTest {

    private static final String ROUND_1 = "round-1-preservation";
    private static final String SUPPLEMENT = "malta-panama";
    private static final LocalDate LAUNCHED = LocalDate.parse("2012-01-10");
    private static final AssessmentCycleLaunched LAUNCH = new AssessmentCycleLaunched(ROUND_1,
            "Assessment of the provisions on expedited preservation", List.of("16", "17", "29", "30"), LAUNCHED,
            LocalDate.parse("2012-04-30"), List.of("AL", "EE", "HR", "RO"));
    private static final Recommendation R1 = new Recommendation("r1", "Parties", "Make full use of Article 16",
            Priority.HIGH);
    private static final DraftReportSubmitted DRAFT = new DraftReportSubmitted(ROUND_1, 1,
            List.of(new Finding("EE", "16", "Article 16 is implemented")), List.of(R1), "T-CY(2012)10");
    private static final LocalDate T_CY_8 = LocalDate.parse("2012-12-05");
    private static final AssessmentReportAdopted ADOPTED = new AssessmentReportAdopted(ROUND_1, 1, "T-CY-8", "d-8",
            T_CY_8, "T-CY(2012)10");
    private static final String REASON = "Malta and Panama became Parties after the launch";
    private static final SupplementOpened OPENED = new SupplementOpened(ROUND_1, SUPPLEMENT, List.of("MT", "PA"), REASON);
    private static final List<Finding> FINDINGS = List.of(new Finding("MT", "16", "Malta implements Article 16"),
            new Finding("PA", "16", "Panama implements Article 16"));
    private static final SupplementDraftSubmitted SUPPLEMENT_DRAFT = new SupplementDraftSubmitted(ROUND_1, SUPPLEMENT,
            1, FINDINGS, List.of(R1), "T-CY(2015)24");
    private static final LocalDate T_CY_16 = LocalDate.parse("2016-11-15");

    /** The register today: Malta and Panama are Parties, Brazil is not. */
    private static final Parties PARTIES = new Parties() {
        @Override
        public List<String> on(LocalDate date) {
            return List.of("AL", "EE", "HR", "RO");
        }

        @Override
        public List<String> observerStatesOn(LocalDate date) {
            return List.of();
        }

        @Override
        public boolean isPartyToday(String memberId) {
            return Set.of("AL", "EE", "HR", "RO", "MT", "PA", "NO").contains(memberId);
        }
    };

    private static FixtureConfiguration<AssessmentCycle> fixture() {
        FixtureConfiguration<AssessmentCycle> fixture = new AggregateTestFixture<>(AssessmentCycle.class);
        fixture.registerInjectableResource(PARTIES);
        return fixture;
    }

    private static OpenSupplement open(String id, String... partyIds) {
        return new OpenSupplement(ROUND_1, id, List.of(partyIds), REASON);
    }

    @Test
    void aSupplementIsOpenedOnceTheMainReportIsAdopted() {
        fixture().given(LAUNCH, DRAFT, ADOPTED).when(open(SUPPLEMENT, "MT", "PA", "MT")).expectEvents(OPENED);
        fixture().given(LAUNCH, DRAFT).when(open(SUPPLEMENT, "MT", "PA"))
                .expectException(ruleNamed("supplement-after-adoption")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, new AssessmentReportAdoptionRefused(ROUND_1, 2, "T-CY-8", "d-8", "no version 2"))
                .when(open(SUPPLEMENT, "MT", "PA")).expectException(ruleNamed("supplement-after-adoption"));
    }

    @Test
    void aSupplementsIdIsUniqueInTheCycle() {
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED).when(open(SUPPLEMENT, "NO"))
                .expectException(ruleNamed("supplement-id-unique")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED).when(open("norway", "NO"))
                .expectEvents(new SupplementOpened(ROUND_1, "norway", List.of("NO"), REASON));
    }

    @Test
    void aSupplementAssessesPartiesOnly() {
        fixture().given(LAUNCH, DRAFT, ADOPTED).when(open(SUPPLEMENT, "MT", "BR"))
                .expectException(ruleNamed("supplementary-assessment-of-a-party"))
                .expectExceptionMessage(containsString("BR")).expectNoEvents();
    }

    /**
     * A supplement is on Parties the main report did not assess: not one assessed when it was adopted, nor one of
     * another supplement; a Party added to the cycle after the adoption may be.
     */
    @Test
    void aSupplementIsOnPartiesNotAssessedInTheReport() {
        fixture().given(LAUNCH, DRAFT, ADOPTED).when(open(SUPPLEMENT, "MT", "EE"))
                .expectException(ruleNamed("supplement-for-parties-not-assessed"))
                .expectExceptionMessage(containsString("EE")).expectNoEvents();
        fixture().given(LAUNCH, new PartyAddedToCycle(ROUND_1, "MT", "Party since 2012-08-01"), DRAFT, ADOPTED)
                .when(open(SUPPLEMENT, "MT", "PA")).expectException(ruleNamed("supplement-for-parties-not-assessed"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, new PartyAddedToCycle(ROUND_1, "MT", "Party since 2012-08-01"))
                .when(open(SUPPLEMENT, "MT", "PA")).expectEvents(OPENED);
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED).when(open("panama", "PA"))
                .expectException(ruleNamed("supplement-for-parties-not-assessed"))
                .expectExceptionMessage(containsString(SUPPLEMENT));
    }

    /** Drafts of a supplement are versioned within it, with findings on its own Parties. */
    @Test
    void aSupplementsDraftsAreVersionedWithFindingsOnItsParties() {
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED)
                .when(new SubmitSupplementDraft(ROUND_1, SUPPLEMENT, FINDINGS, List.of(R1), "T-CY(2015)24"))
                .expectEvents(SUPPLEMENT_DRAFT).expectResultMessagePayload(1);
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT)
                .when(new SubmitSupplementDraft(ROUND_1, SUPPLEMENT, FINDINGS, List.of(R1), null))
                .expectResultMessagePayload(2);
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED)
                .when(new SubmitSupplementDraft(ROUND_1, "panama", FINDINGS, List.of(R1), null))
                .expectException(ruleNamed("unknown-supplement")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED)
                .when(new SubmitSupplementDraft(ROUND_1, SUPPLEMENT, List.of(new Finding("EE", "16", "?")), List.of(), null))
                .expectException(ruleNamed("finding-on-assessed-party")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT, adopted(1, null))
                .when(new SubmitSupplementDraft(ROUND_1, SUPPLEMENT, FINDINGS, List.of(R1), null))
                .expectException(ruleNamed("no-draft-after-adoption")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, new CycleClosed(ROUND_1, T_CY_16))
                .when(new SubmitSupplementDraft(ROUND_1, SUPPLEMENT, FINDINGS, List.of(R1), null))
                .expectException(ruleNamed("cycle-closed"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED)
                .when(new SubmitDraftReport(ROUND_1, DRAFT.findings(), DRAFT.recommendations()))
                .expectException(ruleNamed("no-draft-after-adoption"));
    }

    private static SupplementAdopted adopted(int version, String documentSymbol) {
        return new SupplementAdopted(ROUND_1, SUPPLEMENT, version, "T-CY-16", "d-16", T_CY_16,
                documentSymbol == null ? "T-CY(2015)24" : documentSymbol);
    }

    private static AdoptSupplement decision(String supplementId, int version, String decisionId) {
        return new AdoptSupplement(ROUND_1, supplementId, version, "T-CY-16", decisionId, T_CY_16, null);
    }

    /** The plenary's decision on {cycleId}/{supplementId} adopts a draft that exists, once; else it is refused. */
    @Test
    void aSupplementIsAdoptedByThePlenaryOnItsOwnRules() {
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT).when(decision(SUPPLEMENT, 1, "d-16"))
                .expectEvents(adopted(1, null));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT)
                .when(new AdoptSupplement(ROUND_1, SUPPLEMENT, 1, "T-CY-16", "d-16", T_CY_16, "T-CY(2015)24 REV"))
                .expectEvents(adopted(1, "T-CY(2015)24 REV"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT).when(decision(SUPPLEMENT, 2, "d-16"))
                .expectEvents(new SupplementAdoptionRefused(ROUND_1, SUPPLEMENT, 2, "T-CY-16", "d-16",
                        "The supplement malta-panama of round-1-preservation has no draft version 2"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT).when(decision("panama", 1, "d-16"))
                .expectEvents(new SupplementAdoptionRefused(ROUND_1, "panama", 1, "T-CY-16", "d-16",
                        "round-1-preservation has no supplement panama"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT, adopted(1, null))
                .when(decision(SUPPLEMENT, 1, "d-16")).expectNoEvents();
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT, adopted(1, null))
                .when(decision(SUPPLEMENT, 1, "d-17")).expectEvents(new SupplementAdoptionRefused(ROUND_1, SUPPLEMENT,
                        1, "T-CY-16", "d-17", "The supplement malta-panama of round-1-preservation was adopted already, "
                                             + "version 1 by T-CY-16"));
        fixture().given(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT, new CycleClosed(ROUND_1, T_CY_16))
                .when(decision(SUPPLEMENT, 1, "d-16")).expectEvents(new SupplementAdoptionRefused(ROUND_1, SUPPLEMENT,
                        1, "T-CY-16", "d-16", "round-1-preservation is closed"));
    }

    /** The main report stays adopted; Malta and Panama are now assessed in the cycle, in the supplement only. */
    @Test
    void theMainReportStaysAdopted() {
        CycleState state = CycleState.NONE;
        for (AssessmentEvent event : List.of(LAUNCH, DRAFT, ADOPTED, OPENED, SUPPLEMENT_DRAFT, adopted(1, null))) {
            state = state.evolve(event);
        }
        assertEquals(ADOPTED, state.adoption());
        assertEquals(Set.of("AL", "EE", "HR", "RO"), state.reportedParties());
        assertEquals(Set.of("AL", "EE", "HR", "RO", "MT", "PA"), state.assessedParties());
        assertEquals(adopted(1, null), state.supplements().get(SUPPLEMENT).adoption());
        assertEquals(T_CY_16, CycleState.legalDate(adopted(1, null), T_CY_8));
    }
}
