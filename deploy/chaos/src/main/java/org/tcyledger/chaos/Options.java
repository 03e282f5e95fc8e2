package org.tcyledger.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code deploy/chaos/run} was asked for. {@code --quick} is what CI runs: short load windows and about 1,500
 * malformed requests, to keep the harness working; the full run loads longer and sends more than 10,000.
 */
record Options(boolean quick, Set<String> only, Path out, Duration load, int clients, int badRequests,
               Duration catchUpLimit) {

    static final Set<String> SCENARIOS = new LinkedHashSet<>(Arrays.asList("kafka-kill", "projection-kill",
            "postgres-restart", "two-instances", "race-one-aggregate", "stalled-writer", "bad-input"));

    static Options parse(String[] args) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        Path out = Path.of("deploy/chaos/target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    for (String name : only) {
                        if (!SCENARIOS.contains(name)) {
                            throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS);
                        }
                    }
                }
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --quick, --only scenario,..., --out DIR; scenarios: " + SCENARIOS + ")");
            }
        }
        return quick
                ? new Options(true, only, out, Duration.ofSeconds(15), 6, 1_500, Duration.ofSeconds(90))
                : new Options(false, only, out, Duration.ofSeconds(60), 8, 12_000, Duration.ofSeconds(180));
    }

    /** When, within a scenario's load window, its fault happens. */
    Duration faultAt() {
        return load.dividedBy(3);
    }
}
