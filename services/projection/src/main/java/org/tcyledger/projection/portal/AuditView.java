package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the auditor's pages show: a verification's result, an aggregate's history and its state replayed, the
 * rebuilds of the read models with their progress and comparison, and the parked records.
 */
final class AuditView {

    private AuditView() {
    }

    /** {@code ran}: false before the button is pressed (nothing shown but the button). */
    @TemplateData
    record Verification(boolean ran, boolean verified, long aggregates, long events, boolean caughtUp,
                        List<Source> sources, List<Break> breaks) {
        static Verification notRun() {
            return new Verification(false, false, 0, 0, true, List.of(), List.of());
        }
    }

    @TemplateData
    record Source(String source, long events, long streams, long checkpoints, long covered, boolean verified) {
    }

    /** {@code kind}: chain, checkpoint or gap; {@code kindLabel} in the page's language. */
    @TemplateData
    record Break(String source, String kind, String kindLabel, String subject, long sequence, String eventId,
                 String reason, String historyQuery) {
    }

    /** The query of the history page as asked (blank fields null). */
    @TemplateData
    record HistoryQuery(String aggregate, String source, String asOf, String atSequence) {
    }

    @TemplateData
    record Event(long sequence, String type, At time, LocalDate legalDate, String hash, String prevhash,
                 boolean applied) {
    }

    @TemplateData
    record Fact(String field, String value) {
    }

    /** The aggregate folded from the events applied: each field the last event applied gave it. */
    @TemplateData
    record State(String atSequence, java.time.LocalDate asOf, int applied, int total, String lastType, boolean assessment,
                 boolean adopted, List<Fact> facts) {
    }

    @TemplateData
    record History(String aggregate, String source, List<Event> events, State state) {
    }

    /** A moment of the record, in UTC: its day (written as the page's language writes dates) and its time. */
    @TemplateData
    record At(LocalDate day, String time) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        static At of(Instant instant) {
            if (instant == null) {
                return null;
            }
            var utc = instant.atOffset(ZoneOffset.UTC);
            return new At(utc.toLocalDate(), TIME.format(utc) + " UTC");
        }
    }

    /**
     * A rebuild as its report says it ({@code RebuildReport}); {@code read} of {@code toRead} events while it runs
     * ({@code toRead} 0 while its tables are made), {@code seconds} and {@code rate} written in the page's language.
     */
    @TemplateData
    record Rebuild(String id, String state, boolean running, boolean done, boolean failed, boolean equal,
                   boolean switched, String requestedBy, At requestedAt, At finishedAt, String schema, At keptUntil,
                   long events, long read, long toRead, String applySeconds, long eventsPerSecond,
                   String compareSeconds, List<ReadModel> readModels, List<Difference> differences, String error) {
    }

    @TemplateData
    record ReadModel(String group, String topics, long events, long applied, long duplicates, long gaps,
                     long endOffsets) {
    }

    /** A table whose rebuilt rows differ from its live rows: no row's values, only its key and columns. */
    @TemplateData
    record Difference(String table, String key, String columns, long onlyLive, long onlyRebuilt) {
    }

    /** A parked record ({@code ParkedRecords.Parked}). */
    @TemplateData
    record Parked(String id, String consumerGroup, String source, String subject, long sequence, String eventId,
                  String type, String topic, int partition, long offset, boolean waiting, String reason, int attempts,
                  At parkedAt) {
    }

    /** What the last retry did, as the page's query says it after the retry's 303. */
    @TemplateData
    record Retried(String id, long applied, long stillParked) {
    }
}
