package org.tcyledger.projection.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the read models did: {@code state} is RUNNING, DONE or FAILED ({@code error} says why; the live
 * tables were not touched). When DONE, {@code equal} says whether every rebuilt table equals its live twin at the same
 * offsets, and {@code switched} that the rebuilt tables now serve (only when equal); otherwise they are kept in
 * {@code schema} for inspection and {@code differences} lists what differs.
 */
public record RebuildReport(String id, String state, boolean equal, boolean switched, String requestedBy,
                            Instant requestedAt, Instant finishedAt, String schema, long events, double applySeconds,
                            long eventsPerSecond,
                            double compareSeconds, List<ReadModel> readModels, List<Difference> differences,
                            String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** One consumer group rebuilt: the records it read from offset 0 and the offsets it stopped at. */
    public record ReadModel(String group, List<String> topics, long events, long applied, long duplicates, long gaps,
                            long endOffsets) {
    }

    /** A table whose rows differ between live and rebuilt: how many on each side only, and a few of them. */
    public record Difference(String table, long onlyLive, long onlyRebuilt, List<String> examples) {
    }

    static RebuildReport requested(String id, String requestedBy, Instant at) {
        return new RebuildReport(id, RUNNING, false, false, requestedBy, at, null, null, 0, 0, 0, 0, List.of(), List.of(), null);
    }
}
