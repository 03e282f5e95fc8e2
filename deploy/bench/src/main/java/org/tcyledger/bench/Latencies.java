package org.tcyledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one measured run, in nanoseconds, and what a report says of them. */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private volatile long failures;

    void add(long latencyNanos) {
        nanos.add(latencyNanos);
    }

    synchronized void failed() {
        failures++;
    }

    long failures() {
        return failures;
    }

    int count() {
        return nanos.size();
    }

    /** The q-quantile in milliseconds (nearest rank). */
    double millis(double q) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank))) / 1e6;
    }

    /** The mean in milliseconds. */
    double mean() {
        synchronized (nanos) {
            return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        }
    }

    double p50() {
        return millis(0.50);
    }

    double p99() {
        return millis(0.99);
    }

    double max() {
        return millis(1.0);
    }
}
