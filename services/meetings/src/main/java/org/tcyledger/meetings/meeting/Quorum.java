package org.tcyledger.meetings.meeting;

import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The quorum (domain.md §2): a decision needs present ≥ max(1, ceil(q × P)), where P is the number of Parties to
 * ETS185 on the meeting's first day, present the Parties attending, and q {@code tcy.decisions.quorum}. A written
 * procedure has none ({@link WrittenProcedure}).
 */
public final class Quorum {

    public static final String RULE = "quorum";

    private Quorum() {
    }

    /** Refuses the decision ({@value #RULE}) unless {@code present} Parties reach the quorum of {@code parties}. */
    public static void check(Fraction q, long parties, long present) {
        long required = Math.max(1, q.ceilTimes(parties));
        if (present < required) {
            throw new RuleViolation(RULE, "Quorum not reached: " + present + " Parties present, " + required
                    + " required (max(1, ceil(" + q + " × " + parties + " Parties)))");
        }
    }
}
