package org.tcyledger.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One scenario's row of the report, with the evidence behind it. */
record Outcome(String scenario, long acknowledged, long lost, long appliedTwice, String serverErrors, String parked,
               Duration catchUp, List<String> problems, List<String> notes, Duration took) {

    boolean passed() {
        return problems.isEmpty();
    }

    /** The row of a load-and-fault scenario: the clients' tally and the checker's verdict together. */
    static Outcome of(String scenario, Clients.Tally tally, Checker.Verdict verdict, List<String> extraProblems,
                      List<String> extraNotes, Duration took) {
        List<String> problems = new ArrayList<>(extraProblems);
        List<String> notes = new ArrayList<>(extraNotes);
        if (tally.serverErrors.get() > 0) {
            problems.add(tally.serverErrors.get() + " answers 5xx outside the fault, e.g.");
            tally.serverErrorExamples.stream().limit(5).forEach(e -> problems.add("  " + e.describe()));
        }
        tally.serverErrorExamples.clear();
        if (!tally.replayedDifferently.isEmpty()) {
            problems.add("a retried key answered with another event (applied twice), e.g.");
            tally.replayedDifferently.stream().limit(5).forEach(e -> problems.add("  " + e.describe()));
        }
        if (!tally.rejected.isEmpty()) {
            problems.add("valid commands answered 4xx (not 409), e.g.");
            tally.rejected.stream().limit(5).forEach(e -> problems.add("  " + e.describe()));
        }
        if (tally.abandonedCount.get() > 0) {
            problems.add(tally.abandonedCount.get() + " commands never answered other than 5xx within the retry budget, e.g.");
            tally.abandoned.stream().limit(5).forEach(e -> problems.add("  " + e.describe()));
        }
        problems.addAll(verdict.problems());
        notes.addAll(verdict.notes());
        notes.add(tally.sent.get() + " commands sent, " + tally.acks.size() + " acknowledged, " + tally.conflicts.get()
                + " answered 409, " + tally.noAnswer.get() + " attempts without an answer (connection errors), "
                + tally.serverErrorsDuringFault.get() + " answered 5xx during the fault, "
                + tally.acks.stream().filter(Clients.Ack::publishedPending).count()
                + " acknowledged with X-Tcy-Published: pending");
        long replayed = tally.replayedDifferently.size();
        String serverErrors = tally.serverErrors.get() + " (+" + tally.serverErrorsDuringFault.get() + " during fault; "
                + tally.noAnswer.get() + " no answer)";
        return new Outcome(scenario, verdict.acknowledged(), verdict.lost(), verdict.appliedTwice() + replayed,
                serverErrors, verdict.parked(), verdict.catchUp(), problems, notes, took);
    }

    static Outcome broken(String scenario, Exception e, Duration took) {
        List<String> problems = new ArrayList<>();
        problems.add("the scenario could not run: " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.tcyledger") && problems.size() < 6) {
                problems.add("  at " + frame);
            }
        }
        return new Outcome(scenario, 0, 0, 0, "?", "?", null, problems, List.of(), took);
    }
}
