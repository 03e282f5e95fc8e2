package org.tcyledger.eventsourcing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matches a {@link RuleViolation} of the rule named, so that a fixture test of a refusal fails when another rule
 * refuses the command. Shared with the services' tests through this module's test-jar (libs/testing cannot hold it:
 * libs/eventsourcing's own tests depend on libs/testing).
 */
public final class RuleNamed {

    private RuleNamed() {
    }

    public static Matcher<Object> ruleNamed(String rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (item instanceof RuleViolation violation && violation.rule().equals(rule)) {
                    return true;
                }
                mismatch.appendText("was ").appendValue(item instanceof RuleViolation violation
                        ? "the rule " + violation.rule() : item);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of the rule ").appendValue(rule);
            }
        };
    }
}
