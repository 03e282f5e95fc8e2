package org.tcyledger.meetings;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.tcyledger.eventsourcing.RuleViolation;

/** For fixture tests: a refusal is expected by the rule it names, so that another rule cannot satisfy the test. */
public final class Violations {

    private Violations() {
    }

    /** A {@link RuleViolation} of exactly that rule. */
    public static Matcher<RuleViolation> violates(String rule) {
        return new FeatureMatcher<>(Matchers.equalTo(rule), "a RuleViolation of rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }
}
