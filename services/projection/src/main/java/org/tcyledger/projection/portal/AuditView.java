package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** What the auditor's pages show: a verification's result, an aggregate's history and its state replayed. */
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
    record Event(long sequence, String type, String time, String legalDate, String hash, String prevhash,
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
}
