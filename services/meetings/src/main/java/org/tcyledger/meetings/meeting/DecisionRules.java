package org.tcyledger.meetings.meeting;

/** The committee's quorum q and majority m (configuration: tcy.decisions.quorum, tcy.decisions.majority). */
public record DecisionRules(Fraction quorum, Fraction majority) {
}
