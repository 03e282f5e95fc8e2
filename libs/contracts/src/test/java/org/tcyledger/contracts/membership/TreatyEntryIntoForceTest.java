package org.tcyledger.contracts.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A treaty's own entry into force, derived from consents, at the edges of each treaty's rule. */
class TreatyEntryIntoForceTest {

    private static TreatyEntryIntoForce.Consent state(String id, boolean councilOfEurope, String on) {
        return new TreatyEntryIntoForce.Consent(id, MemberKind.STATE, councilOfEurope, LocalDate.parse(on), true);
    }

    /** The real record: Albania, Croatia, Estonia, Hungary and Lithuania (18 March 2004) give 2004-07-01. */
    @Test
    void theConventionEnteredIntoForceThreeMonthsAfterLithuaniaTheFifth() {
        List<TreatyEntryIntoForce.Consent> consents = List.of(state("AL", true, "2002-06-20"),
                state("HR", true, "2002-10-17"), state("EE", true, "2003-05-12"), state("HU", true, "2003-12-04"),
                state("LT", true, "2004-03-18"), state("RO", true, "2004-05-12"));
        TreatyEntryIntoForce.Derived derived = TreatyEntryIntoForce.derive(Treaty.ETS185, consents);
        assertEquals(LocalDate.parse("2004-07-01"), derived.inForceOn());
        assertEquals("LT", derived.decisive().memberId());
    }

    @Test
    void fourConsentsAreNotEnough() {
        assertNull(TreatyEntryIntoForce.derive(Treaty.ETS185, List.of(state("AL", true, "2002-06-20"),
                state("HR", true, "2002-10-17"), state("EE", true, "2003-05-12"), state("HU", true, "2003-12-04")))
                .inForceOn());
    }

    /** Five States of which only two Council of Europe members: the Convention waits for a third member State. */
    @Test
    void theConventionNeedsThreeMemberStatesOfTheCouncilOfEuropeAmongItsFive() {
        List<TreatyEntryIntoForce.Consent> consents = new ArrayList<>(List.of(state("AL", true, "2002-06-20"),
                state("HR", true, "2002-10-17"), state("US", false, "2003-01-10"), state("JP", false, "2003-02-10"),
                state("CA", false, "2003-03-10")));
        assertNull(TreatyEntryIntoForce.derive(Treaty.ETS185, consents).inForceOn());
        consents.add(state("EE", true, "2003-05-12"));
        assertEquals(LocalDate.parse("2003-09-01"), TreatyEntryIntoForce.derive(Treaty.ETS185, consents).inForceOn());
        // ETS189 asks only for five States: the fifth, Canada, decides
        assertEquals(LocalDate.parse("2003-07-01"), TreatyEntryIntoForce.derive(Treaty.ETS189, consents).inForceOn());
    }

    /** CETS224 counts only Parties to the Convention, and never an organisation. */
    @Test
    void theSecondProtocolCountsOnlyPartiesToTheConvention() {
        List<TreatyEntryIntoForce.Consent> consents = new ArrayList<>(List.of(state("RS", true, "2023-02-09"),
                state("JP", false, "2023-08-10"), state("HU", true, "2026-02-05"), state("AR", false, "2026-03-01"),
                new TreatyEntryIntoForce.Consent("XX", MemberKind.STATE, false, LocalDate.parse("2026-03-02"), false),
                new TreatyEntryIntoForce.Consent("EU", MemberKind.ORGANISATION, false, LocalDate.parse("2026-03-03"),
                        true)));
        assertNull(TreatyEntryIntoForce.derive(Treaty.CETS224, consents).inForceOn());
        consents.add(state("CL", false, "2026-03-31"));
        assertEquals(LocalDate.parse("2026-07-01"), TreatyEntryIntoForce.derive(Treaty.CETS224, consents).inForceOn());
    }
}
