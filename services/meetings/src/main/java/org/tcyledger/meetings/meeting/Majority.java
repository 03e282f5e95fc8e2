package org.tcyledger.meetings.meeting;

import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingEvent.VoteMode;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The majority of a vote (domain.md §2): some votes cast (abstentions are not), no more votes and abstentions than
 * Parties present, and for / (for + against) ≥ m exactly, m being {@code tcy.decisions.majority}. A decision by
 * consensus has no tally.
 */
public final class Majority {

    public static final String VOTES_CAST = "votes-cast";
    public static final String VOTES_NOT_MORE_THAN_PRESENT = "votes-not-more-than-present";
    public static final String MAJORITY = "majority";

    private Majority() {
    }

    public static void check(Fraction m, Vote vote, long present) {
        if (vote.mode() == VoteMode.CONSENSUS) {
            return;
        }
        int inFavour = orZero(vote.inFavour());
        int against = orZero(vote.against());
        int abstentions = orZero(vote.abstentions());
        long cast = (long) inFavour + against;
        if (cast <= 0) {
            throw new RuleViolation(VOTES_CAST, "No vote was cast for or against (abstentions are not votes cast)");
        }
        if (cast + abstentions > present) {
            throw new RuleViolation(VOTES_NOT_MORE_THAN_PRESENT, (cast + abstentions)
                    + " votes and abstentions, but only " + present + " Parties present");
        }
        if (!m.isReachedBy(inFavour, cast)) {
            throw new RuleViolation(MAJORITY, "Majority not reached: " + inFavour + " for of " + cast
                    + " votes cast, " + m + " required");
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
