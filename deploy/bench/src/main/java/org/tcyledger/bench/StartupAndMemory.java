package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.testing.ServiceProcess;

/** Figure 6: each service's start-up time and resident memory after the load. */
final class StartupAndMemory extends BenchContext {

    StartupAndMemory(BenchContext run) {
        super(run);
    }

    /**
     * RSS after all the load; then each service is stopped (writing its AOT cache) and started again, once plainly
     * and once with the cache, one after the other against the running rest of the stack.
     */
    void startupAndMemory() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Long> rssAfterLoad = new LinkedHashMap<>();
        for (String name : SERVICES) {
            rssAfterLoad.put(name, rssKb(running.get(name).pid()));
        }
        // what a service holds between bursts: each gives back the heap a backlog grew once idle (IdleHeap, which
        // looks every 30 s and collects after a whole idle period)
        Thread.sleep(IDLE.toMillis());
        Map<String, Long> rss = new LinkedHashMap<>();
        Map<String, Long> rssFile = new LinkedHashMap<>();
        Map<String, Map<String, Long>> nativeMemory = new LinkedHashMap<>();
        for (String name : SERVICES) {
            rss.put(name, rssKb(running.get(name).pid()));
            rssFile.put(name, statusKb(running.get(name).pid(), "RssFile:"));
            nativeMemory.put(name, nativeMemoryKb(running.get(name).pid()));
        }
        boolean allReady = true;
        boolean allSmall = true;
        for (String name : SERVICES) {
            running.get(name).close();
            Started plain = start(name, List.of());
            Started cached = plain;
            if (AOT) {
                // a start of its own trains the cache (written at its stop), so that no figure ran in training mode
                plain.service().close();
                Files.createDirectories(aotCache(name).getParent());
                Files.deleteIfExists(aotCache(name));
                start(name, List.of("-XX:AOTCacheOutput=" + aotCache(name))).service().close(Duration.ofMinutes(2));
                cached = start(name, List.of("-XX:AOTCache=" + aotCache(name)));
            }
            double rssMb = rss.get(name) / 1024.0;
            double rssAfterLoadMb = rssAfterLoad.get(name) / 1024.0;
            rows.add(List.of(name, number(plain.readyMs()), number(plain.quarkusStartedMs()),
                    AOT ? number(cached.readyMs()) : "n/a", AOT ? number(cached.quarkusStartedMs()) : "n/a",
                    number(rssAfterLoadMb), number(rssMb)));
            raw.put(name, Map.of("readyMs", plain.readyMs(), "quarkusStartedMs", plain.quarkusStartedMs(),
                    "aotReadyMs", cached.readyMs(), "aotQuarkusStartedMs", cached.quarkusStartedMs(), "rssMb", rssMb,
                    "rssAfterLoadMb", rssAfterLoadMb, "firstStart", startup.get(name)));
            allReady &= cached.readyMs() <= 1500;
            allSmall &= rssMb <= 200;
        }
        report.section("6. Start-up and memory (JVM mode)", "RSS: at the end of all the load above, and "
                + IDLE.toSeconds() + " s later, idle (" + String.join(" ",
                ServiceProcess.JVM_OPTIONS) + "). Ready: from launching the JVM to `/q/health/ready` answering 200, "
                + "each service restarted alone against the running rest of the stack; plainly, then with the JDK's "
                + "AOT cache (`-XX:AOTCache`, JDK 25) trained by a start of its own just before (`-XX:AOTCacheOutput`, "
                + "written when it stopped), as deploy/local/up does.");
        report.table(List.of("service", "ready ms", "Quarkus \"started in\" ms", "ready ms, AOT cache",
                "\"started in\" ms, AOT cache", "RSS MB at the end of the load", "RSS MB, idle"), rows);
        report.raw("startup", raw);
        nativeMemoryTable(rss, rssFile, nativeMemory);
        report.target("6. every service ready" + (AOT ? " (AOT cache)" : ""), "≤ 1.5 s", allReady ? "yes" : "see table 6",
                allReady);
        report.target("6. every service's RSS, idle after the whole bench", "≤ 200 MB", allSmall ? "yes" : "see table 6", allSmall);
    }

    /** Long enough for every service's idle check (every 30 s) to see a whole idle period. */
    private static final Duration IDLE = Duration.ofSeconds(75);

    /**
     * What each service's JVM holds after the load, by its own account ({@code jcmd VM.native_memory summary}):
     * committed memory per category beside the RSS the kernel counts. Committed is not resident (a committed page
     * never touched costs nothing), and memory that native libraries allocate without the JVM is in RSS only.
     */
    private void nativeMemoryTable(Map<String, Long> rss, Map<String, Long> rssFile,
                                   Map<String, Map<String, Long>> nativeMemory) {
        List<String> shown = List.of("Java Heap", "Class", "Metaspace", "Code", "Thread", "GC", "Symbol",
                "Native Memory Tracking");
        List<List<String>> rows = new ArrayList<>();
        for (String name : SERVICES) {
            Map<String, Long> categories = nativeMemory.get(name);
            if (categories.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(name, number(rss.get(name) / 1024.0),
                    rssFile.get(name) < 0 ? "n/a" : number(rssFile.get(name) / 1024.0),
                    number(categories.getOrDefault("Total", 0L) / 1024.0)));
            long rest = categories.getOrDefault("Total", 0L);
            for (String category : shown) {
                long kb = categories.getOrDefault(category, 0L);
                rest -= kb;
                row.add(number(kb / 1024.0));
            }
            row.add(number(rest / 1024.0));
            rows.add(row);
        }
        report.section("6a. Native memory by the JVM's account", "Committed MB per category after all the load, idle "
                + "(`jcmd <pid> VM.native_memory summary`; every service runs with " + NATIVE_MEMORY_TRACKING
                + "). Class is the class space and Metaspace the rest of the metadata; Thread is the stacks; other "
                + "sums the remaining categories (Internal, Other: direct buffers, Arena, Module, Synchronizer...). "
                + "Committed is not resident, and what native code allocates outside the JVM shows in RSS only. "
                + "File-backed is the part of RSS that maps files (`RssFile` in /proc/<pid>/status): the JVM's and the C "
                + "library's code, which the JVM does not count as committed, and the pages of the JDK's class data "
                + "archive that were read, which it counts as committed (Shared class space, in other).");
        List<String> header = new ArrayList<>(List.of("service", "RSS MB", "of it file-backed MB", "committed MB"));
        shown.forEach(category -> header.add(category.equals("Native Memory Tracking") ? "NMT itself" : category));
        header.add("other");
        report.table(header, rows);
        report.raw("nativeMemoryKb", nativeMemory);
    }

    /** {@code jcmd VM.native_memory summary}: committed KB per category, and under "Total" the whole. */
    static Map<String, Long> nativeMemoryKb(long pid) throws Exception {
        String text = jcmd(pid, "VM.native_memory", "summary");
        Map<String, Long> committed = new LinkedHashMap<>();
        java.util.regex.Matcher total = java.util.regex.Pattern
                .compile("(?m)^Total: reserved=(\\d+)KB, committed=(\\d+)KB").matcher(text);
        if (total.find()) {
            committed.put("Total", Long.parseLong(total.group(2)));
        }
        java.util.regex.Matcher category = java.util.regex.Pattern
                .compile("(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB").matcher(text);
        while (category.find()) {
            committed.put(category.group(1).trim(), Long.parseLong(category.group(3)));
        }
        return committed;
    }

    static long rssKb(long pid) throws java.io.IOException {
        return statusKb(pid, "VmRSS:");
    }

    /** One of the kB figures of {@code /proc/<pid>/status} ({@code VmRSS:}, {@code RssFile:}...); -1 if absent. */
    static long statusKb(long pid, String field) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
