package org.tcyledger.membership.member;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeAppointed;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.membership.RepresentativeRole;

class KeyholderRulesTest {

    private static final List<MembershipEvent> HISTORY = List.of(
            new MemberRegistered("EE", "Estonia", MemberKind.STATE, true),
            new RepresentativeAppointed("EE", "rep-1", RepresentativeRole.HEAD_OF_DELEGATION, LocalDate.of(2015, 1, 5),
                    new SealedPersonalData("rep-1", "c1")),
            new ContactPointDesignated("EE", "cp-1", "Cybercrime Unit", new SealedPersonalData("cp-1", "c2")),
            new ContactPointDesignated("EE", "cp-2", "Cybercrime Unit", new SealedPersonalData("cp-2", "c3")));

    @Test
    void contactPointsNowAndBeforeMayBeOpenedAndNobodyElse() {
        assertTrue(KeyholderRules.isOrWasContactPoint("cp-2", HISTORY));
        assertTrue(KeyholderRules.isOrWasContactPoint("cp-1", HISTORY), "replaced, still a designation to replay");
        assertFalse(KeyholderRules.isOrWasContactPoint("rep-1", HISTORY), "a representative");
        assertFalse(KeyholderRules.isOrWasContactPoint("someone", HISTORY));
    }

    @Test
    void theScopeMustBeGrantedByName() {
        assertTrue(KeyholderRules.grants("openid unseal:contact-points", "unseal:contact-points"));
        assertFalse(KeyholderRules.grants("unseal:contact-points-and-more", "unseal:contact-points"));
        assertFalse(KeyholderRules.grants(null, "unseal:contact-points"));
        assertFalse(KeyholderRules.grants("", "unseal:contact-points"));
    }
}
