package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Figure 5: what a command costs as the store grows. */
final class CostGrowth extends BenchContext {

    CostGrowth(BenchContext run) {
        super(run);
    }

    void costGrowth(Map<Long, Latencies> growth) {
        List<List<String>> rows = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        Latencies first = growth.values().iterator().next();
        Latencies last = first;
        for (var point : growth.entrySet()) {
            Latencies latencies = point.getValue();
            rows.add(List.of(number(point.getKey()), Integer.toString(latencies.count()), number(latencies.p50()),
                    number(latencies.p99()), number(latencies.p50() / first.p50())));
            raw.add(Map.of("storedEvents", point.getKey(), "p50Ms", latencies.p50(), "p99Ms", latencies.p99()));
            last = latencies;
        }
        report.section("5. Cost growth", "RegisterMember at one client for " + options.window().toSeconds()
                + " s with more and more events already stored.");
        report.table(List.of("stored events", "commands", "p50 ms", "p99 ms", "p50 vs first"), rows);
        report.raw("costGrowth", raw);
        double ratio = last.p50() / first.p50();
        report.target("5. command latency, largest store vs empty", "≤ 1.5x", number(ratio) + "x", ratio <= 1.5);
    }
}
