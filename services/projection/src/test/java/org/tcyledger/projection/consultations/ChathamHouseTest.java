package org.tcyledger.projection.consultations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A cell of the summary is suppressed under the rule exactly when it could single out one stakeholder. */
class ChathamHouseTest {

    @Test
    void aCellOfOneOrOfAKindWithFewerThanTwoStakeholdersIsSuppressed() {
        assertTrue(ChathamHouse.suppresses(true, 1, 5));
        assertTrue(ChathamHouse.suppresses(true, 2, 1));
        assertTrue(ChathamHouse.suppresses(true, 1, 1));
        assertFalse(ChathamHouse.suppresses(true, 2, 2));
        assertFalse(ChathamHouse.suppresses(true, 3, 7));
    }

    @Test
    void aKindOfOneStakeholderIsHiddenWholeUnderTheRuleOnly() {
        assertTrue(ChathamHouse.hidesWholeKind(true, 1));
        assertFalse(ChathamHouse.hidesWholeKind(true, 2));
        assertFalse(ChathamHouse.hidesWholeKind(true, 0));
        assertFalse(ChathamHouse.hidesWholeKind(false, 1));
    }

    @Test
    void withoutTheRuleNothingIsSuppressed() {
        assertFalse(ChathamHouse.suppresses(false, 1, 1));
        assertFalse(ChathamHouse.suppresses(false, 2, 0));
    }
}
