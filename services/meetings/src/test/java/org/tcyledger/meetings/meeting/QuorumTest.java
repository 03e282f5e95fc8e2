package org.tcyledger.meetings.meeting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tcyledger.eventsourcing.RuleViolation;

/** present ≥ max(1, ceil(q × P)), in integers, at its edges. */
class QuorumTest {

    private static final Fraction HALF = Fraction.parse("1/2");

    @Test
    void exactlyAtTheQuorumAndOneBelow() {
        assertDoesNotThrow(() -> Quorum.check(HALF, 10, 5));
        RuleViolation refused = assertThrows(RuleViolation.class, () -> Quorum.check(HALF, 10, 4));
        assertEquals("quorum", refused.rule());
        assertTrue(refused.getMessage().contains("4 Parties present, 5 required (max(1, ceil(1/2 × 10 Parties)))"));
    }

    @Test
    void roundsUpAndNeverAsksForFewerThanOne() {
        assertThrows(RuleViolation.class, () -> Quorum.check(HALF, 9, 4));
        assertDoesNotThrow(() -> Quorum.check(HALF, 9, 5));
        assertThrows(RuleViolation.class, () -> Quorum.check(HALF, 0, 0));
        assertDoesNotThrow(() -> Quorum.check(HALF, 0, 1));
        // 2/3 of 68 Parties is 45.33: 46 are needed, computed without floating point
        assertThrows(RuleViolation.class, () -> Quorum.check(Fraction.parse("2/3"), 68, 45));
        assertDoesNotThrow(() -> Quorum.check(Fraction.parse("2/3"), 68, 46));
    }
}
