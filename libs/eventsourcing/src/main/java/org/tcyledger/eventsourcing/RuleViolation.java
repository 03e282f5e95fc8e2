package org.tcyledger.eventsourcing;

/**
 * A command that would break an invariant of the domain. It names the rule (a stable kebab-case id that clients
 * may switch on) and says why in words; REST answers it with 409 and nothing is stored.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
