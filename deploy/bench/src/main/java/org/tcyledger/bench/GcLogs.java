package org.tcyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --gc-log}: every JVM of the run (services, the peer, the broker) writes the JDK's {@code -Xlog:gc} to
 * {@code <out>/gc/<part>-<pid>.log}, and the report sums each log: pauses by kind and cause, the peak heap, and every
 * full collection with the second of the JVM's life it fell in. A service restarted by figure 6 is a log of its own.
 */
final class GcLogs {

    /**
     * A pause, as the serial collector logs it ({@code [417.168s][info][gc] GC(123) Pause Full (Allocation Failure)
     * 253M->41M(83M) 260.123ms}) and G1 ({@code GC(5) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M)
     * 3.456ms}, {@code GC(7) Pause Remark 30M->30M(256M) 1.2ms}): none, one or more causes in parentheses.
     */
    private static final Pattern PAUSE = Pattern.compile("^\\[([0-9.]+)s\\]\\[info\\s*\\]\\[gc\\s*\\] GC\\(\\d+\\) Pause (\\w+)"
            + "((?: \\((?:[^()]|\\(\\))*\\))*) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    private static final Pattern CAUSE = Pattern.compile("\\(((?:[^()]|\\(\\))*)\\)");

    private static final Pattern FILE = Pattern.compile("(.+)-(\\d+)\\.log");

    private GcLogs() {
    }

    static Path directory(Path out) {
        return out.toAbsolutePath().resolve("gc");
    }

    /** The option that has {@code part}'s JVM log its collections, one file per process. */
    static String option(Path out, String part) {
        return "-Xlog:gc:file=" + directory(out).resolve(part + "-%p.log");
    }

    /** An empty {@code <out>/gc} before the run: the report sums every log in it, so none of an earlier run's. */
    static void clear(Path out) throws IOException {
        Path directory = directory(out);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
    }

    /** One full collection: when in the JVM's life, how long, the heap before and after (and its size). */
    record Full(double atSeconds, String cause, double millis, int beforeMb, int afterMb, int heapMb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1fs %s %.0fms %dM->%dM(%dM)", atSeconds, cause, millis, beforeMb,
                    afterMb, heapMb);
        }
    }

    /** The pauses of one kind and cause: how many, and their milliseconds together. */
    record Pauses(long count, double millis) {
        Pauses plus(Pauses other) {
            return new Pauses(count + other.count, millis + other.millis);
        }
    }

    /** One JVM's log summed: its pauses by "kind: cause", the largest heap a pause found, its full collections. */
    record Summary(String part, long pid, Map<String, Pauses> byCause, int peakHeapMb, List<Full> fulls) {

        /** Pauses of one kind ("Young", "Full", G1's "Remark"...), whatever their cause. */
        Pauses of(String kind) {
            return sum(key -> key.startsWith(kind + ":"));
        }

        /** Pauses neither young nor full (G1's remark and cleanup, say). */
        Pauses other() {
            return sum(key -> !key.startsWith("Young:") && !key.startsWith("Full:"));
        }

        private Pauses sum(java.util.function.Predicate<String> kindAndCause) {
            return byCause.entrySet().stream().filter(e -> kindAndCause.test(e.getKey())).map(Map.Entry::getValue)
                    .reduce(new Pauses(0, 0), Pauses::plus);
        }
    }

    static Summary summarize(String part, long pid, List<String> lines) {
        Map<String, Pauses> byCause = new TreeMap<>();
        int peak = 0;
        List<Full> fulls = new ArrayList<>();
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            String kind = pause.group(2);
            List<String> causes = new ArrayList<>();
            Matcher each = CAUSE.matcher(pause.group(3));
            while (each.find()) {
                causes.add(each.group(1));
            }
            String cause = causes.isEmpty() ? kind : String.join(", ", causes);
            double ms = Double.parseDouble(pause.group(7));
            int before = Integer.parseInt(pause.group(4));
            byCause.merge(kind + ": " + cause, new Pauses(1, ms), Pauses::plus);
            peak = Math.max(peak, before);
            if (kind.equals("Full")) {
                fulls.add(new Full(Double.parseDouble(pause.group(1)), cause, ms, before,
                        Integer.parseInt(pause.group(5)), Integer.parseInt(pause.group(6))));
            }
        }
        return new Summary(part, pid, byCause, peak, fulls);
    }

    /** Every log under {@code <out>/gc}, in the order the JVMs started (by pid, as they are numbered here). */
    static List<Summary> read(Path out) throws IOException {
        Path directory = directory(out);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Summary> summaries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    summaries.add(summarize(name.group(1), Long.parseLong(name.group(2)), Files.readAllLines(file)));
                }
            }
        }
        summaries.sort(Comparator.comparingLong(Summary::pid));
        return summaries;
    }

    /**
     * The report's section: one row per JVM, then the totals over all of them. Answers false when no JVM logged a
     * pause (the JVMs did not take the option, or the log's format changed): the bench writes its report, then fails.
     */
    static boolean report(BenchContext run) throws IOException {
        if (!run.options.gcLog()) {
            return true;
        }
        List<Summary> summaries = read(run.options.out());
        if (summaries.stream().allMatch(summary -> summary.byCause().isEmpty())) {
            run.report.section("7. Garbage collection (--gc-log)", "**No JVM logged a pause** in "
                    + directory(run.options.out()) + ": the JVMs did not take the option, or the log's format changed.");
            return false;
        }
        run.report.section("7. Garbage collection (--gc-log)", "Each JVM's `-Xlog:gc` (in " + directory(run.options.out())
                + "), summed by the bench: young and full pauses (count, total ms), other pauses (G1's remark and cleanup), the largest heap a collection found"
                + " (MB), and every full collection (second of the JVM's life, cause, pause, heap before->after(size))."
                + " A JVM with no pause (a tool run by the broker's start) is left out.");
        List<List<String>> rows = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        Pauses young = new Pauses(0, 0);
        Pauses full = new Pauses(0, 0);
        for (Summary summary : summaries) {
            if (summary.byCause().isEmpty()) {
                continue;
            }
            young = young.plus(summary.of("Young"));
            full = full.plus(summary.of("Full"));
            rows.add(List.of(summary.part(), Long.toString(summary.pid()), cell(summary.of("Young")),
                    cell(summary.of("Full")), cell(summary.other()), Integer.toString(summary.peakHeapMb()),
                    String.join("; ", summary.fulls().stream().map(Full::toString).toList())));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("part", summary.part());
            entry.put("pid", summary.pid());
            Map<String, Object> causes = new LinkedHashMap<>();
            summary.byCause().forEach((cause, pauses) -> causes.put(cause,
                    Map.of("count", pauses.count(), "ms", pauses.millis())));
            entry.put("pauses", causes);
            entry.put("peakHeapMb", summary.peakHeapMb());
            entry.put("full", summary.fulls().stream().map(Full::toString).toList());
            raw.add(entry);
        }
        rows.add(List.of("**all**", "", cell(young), cell(full), "", "", ""));
        run.report.table(List.of("JVM", "pid", "young: n, ms", "full: n, ms", "other: n, ms", "peak heap MB",
                "full collections"), rows);
        run.report.raw("gc", raw);
        return true;
    }

    private static String cell(Pauses pauses) {
        return pauses.count() + ", " + Report.number(pauses.millis());
    }
}
