package org.tcyledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command's time goes, by membership's own timers ({@code /q/metrics}): the sum and count of each, so that
 * the difference of two readings gives the mean of what ran between them.
 */
record CommandStages(Map<String, double[]> sumAndCount) {

    /** The timers read: a command's transaction, its wait for publication, and Kafka's acknowledgement of a batch. */
    static final Map<String, String> TIMERS = Map.of(
            "transaction", "tcy_command_stage_seconds_(sum|count)\\{[^}]*stage=\"transaction\"[^}]*\\}",
            "publication", "tcy_command_stage_seconds_(sum|count)\\{[^}]*stage=\"publication\"[^}]*\\}",
            "acknowledgement", "tcy_publisher_acknowledgement_seconds_(sum|count)(\\{[^}]*\\})?");

    static CommandStages read(Rest rest, String serviceUrl) {
        String exposition = rest.get(serviceUrl + "/q/metrics").body();
        Map<String, double[]> read = new LinkedHashMap<>();
        TIMERS.forEach((stage, series) -> {
            Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(exposition);
            double[] values = new double[2];
            while (line.find()) {
                values[line.group(1).equals("sum") ? 0 : 1] = Double.parseDouble(line.group(line.groupCount()));
            }
            read.put(stage, values);
        });
        return new CommandStages(read);
    }

    /** Mean milliseconds of each timer between {@code before} and this reading (NaN when it did not run). */
    Map<String, Double> meanMsSince(CommandStages before) {
        Map<String, Double> means = new LinkedHashMap<>();
        sumAndCount.forEach((stage, now) -> {
            double[] then = before.sumAndCount.getOrDefault(stage, new double[2]);
            double count = now[1] - then[1];
            means.put(stage, count > 0 ? (now[0] - then[0]) * 1000 / count : Double.NaN);
        });
        return means;
    }

    /** How many times a timer ran between {@code before} and this reading. */
    double countSince(CommandStages before, String stage) {
        return sumAndCount.get(stage)[1] - before.sumAndCount.getOrDefault(stage, new double[2])[1];
    }
}
