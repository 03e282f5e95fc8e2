package org.tcyledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's time goes, by membership's own timers: two readings of {@link Metrics} give the mean of each timer
 * between them, and how often it ran.
 */
final class CommandStages {

    /** A timer of membership's: its metric (without {@code _sum}, {@code _count}) and the label that picks it. */
    private record Timer(String metric, String label) {
    }

    /** A command's transaction, its wait for publication, and Kafka's acknowledgement of a batch. */
    private static final Map<String, Timer> TIMERS = Map.of(
            "transaction", new Timer("tcy_command_stage_seconds", "stage=\"transaction\""),
            "publication", new Timer("tcy_command_stage_seconds", "stage=\"publication\""),
            "acknowledgement", new Timer("tcy_publisher_acknowledgement_seconds", ""));

    private CommandStages() {
    }

    /** Mean milliseconds of each timer between the two readings (NaN when it did not run). */
    static Map<String, Double> meanMs(Metrics before, Metrics after) {
        Map<String, Double> means = new LinkedHashMap<>();
        TIMERS.forEach((stage, timer) -> {
            double count = count(before, after, stage);
            double seconds = after.value(timer.metric() + "_sum", timer.label())
                             - before.value(timer.metric() + "_sum", timer.label());
            means.put(stage, count > 0 ? seconds * 1000 / count : Double.NaN);
        });
        return means;
    }

    /** How many times a timer ran between the two readings. */
    static double count(Metrics before, Metrics after, String stage) {
        Timer timer = TIMERS.get(stage);
        return after.value(timer.metric() + "_count", timer.label())
               - before.value(timer.metric() + "_count", timer.label());
    }
}
