package org.tcyledger.projection.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the read models did: {@code state} is RUNNING, DONE or FAILED ({@code error} says why; the live
 * tables were not touched). When DONE, {@code equal} says whether every rebuilt table equals its live twin at the same
 * offsets, and {@code switched} that the rebuilt tables now serve (only when equal); otherwise they are kept in
 * {@code schema} for inspection until {@code keptUntil} ({@code tcy.rebuild.keep-differing} after the end; then
 * {@code schema} is null), and {@code differences} lists what differs. A report holds no row's values, so no personal
 * data: a difference names its table, the table's key, the columns that differ and how many rows. While RUNNING, asked of
 * the instance that runs it, {@code events} and {@code readModels} say how far it has read: each read model's events
 * read so far and, as {@code endOffsets}, the offsets it is reading up to.
 */
public record RebuildReport(String id, String state, boolean equal, boolean switched, String requestedBy,
                            Instant requestedAt, Instant finishedAt, String schema, Instant keptUntil, long events,
                            double applySeconds, long eventsPerSecond, double compareSeconds,
                            List<ReadModel> readModels, List<Difference> differences, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** One consumer group rebuilt: the records it read from offset 0 and the offsets it stopped at. */
    public record ReadModel(String group, List<String> topics, long events, long applied, long duplicates, long gaps,
                            long endOffsets) {
    }

    /**
     * A table whose rows differ between live and rebuilt: its primary key's columns, the columns whose values differ
     * between rows of the same key (every compared column when rows cannot be paired by key), and how many rows each
     * side has that the other has not.
     */
    public record Difference(String table, List<String> key, List<String> columns, long onlyLive, long onlyRebuilt) {
    }

    static RebuildReport requested(String id, String requestedBy, Instant at) {
        return new RebuildReport(id, RUNNING, false, false, requestedBy, at, null, null, null, 0, 0, 0, 0, List.of(),
                List.of(), null);
    }

    /** The running report with how far its read models have read. */
    RebuildReport progressing(List<ReadModel> progress) {
        return new RebuildReport(id, state, equal, switched, requestedBy, requestedAt, finishedAt, schema, keptUntil,
                progress.stream().mapToLong(ReadModel::events).sum(), applySeconds, eventsPerSecond, compareSeconds,
                progress, differences, error);
    }

    /** The same report once its kept schema was dropped. */
    RebuildReport withoutSchema() {
        return new RebuildReport(id, state, equal, switched, requestedBy, requestedAt, finishedAt, null, keptUntil, events,
                applySeconds, eventsPerSecond, compareSeconds, readModels, differences, error);
    }
}
