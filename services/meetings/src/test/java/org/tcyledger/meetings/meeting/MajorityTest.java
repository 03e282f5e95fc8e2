package org.tcyledger.meetings.meeting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.eventsourcing.RuleViolation;

/** A tally: votes cast, not more than present, for / (for + against) ≥ m exactly; consensus has no tally. */
class MajorityTest {

    private static final Fraction TWO_THIRDS = Fraction.parse("2/3");

    private static String refusal(Vote vote, long present) {
        return assertThrows(RuleViolation.class, () -> Majority.check(TWO_THIRDS, vote, present)).rule();
    }

    @Test
    void exactlyTwoThirdsOfTheVotesCastAndOneBelow() {
        assertDoesNotThrow(() -> Majority.check(TWO_THIRDS, Vote.tally(6, 3, 1), 10));
        assertEquals("majority", refusal(Vote.tally(5, 3, 2), 10));
    }

    @Test
    void abstentionsAreNotVotesCastButCountAgainstThePartiesPresent() {
        assertEquals("votes-cast", refusal(Vote.tally(0, 0, 5), 10));
        assertEquals("votes-not-more-than-present", refusal(Vote.tally(5, 0, 1), 5));
        assertDoesNotThrow(() -> Majority.check(TWO_THIRDS, Vote.tally(5, 0, 0), 5));
    }

    @Test
    void aConsensusHasNoTally() {
        assertDoesNotThrow(() -> Majority.check(TWO_THIRDS, Vote.consensus(), 0));
    }
}
