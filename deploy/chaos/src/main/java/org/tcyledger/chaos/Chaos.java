package org.tcyledger.chaos;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy/chaos/run}: the fault and bad-input suite. Each scenario starts a PostgreSQL, a Kafka broker and the
 * five packaged services of its own, loads them while a fault happens, stops everything it started and checks from
 * the stores and topics what became of every acknowledged command. Exits 1 if any scenario failed its checks.
 */
public final class Chaos {

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Instant began = Instant.now();
        Scenarios scenarios = new Scenarios(options);
        List<Outcome> outcomes = new ArrayList<>();
        for (String scenario : options.only()) {
            Outcome outcome = scenarios.run(scenario);
            outcomes.add(outcome);
            System.out.println("chaos: " + scenario + (outcome.passed() ? " passed" : " FAILED"));
            // the report so far, so that an interrupted run still leaves what it found
            Report.write(options.out(), Report.render(options, outcomes, began));
        }
        String markdown = Report.render(options, outcomes, began);
        Path written = Report.write(options.out(), markdown);
        System.out.println(markdown);
        System.out.println("chaos: report written to " + written.toAbsolutePath());
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }
}
