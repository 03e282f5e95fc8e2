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
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String name : SERVICES) {
            rss.put(name, rssKb(running.get(name).pid()));
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
            rows.add(List.of(name, number(plain.readyMs()), number(plain.quarkusStartedMs()),
                    AOT ? number(cached.readyMs()) : "n/a", AOT ? number(cached.quarkusStartedMs()) : "n/a", number(rssMb)));
            raw.put(name, Map.of("readyMs", plain.readyMs(), "quarkusStartedMs", plain.quarkusStartedMs(),
                    "aotReadyMs", cached.readyMs(), "aotQuarkusStartedMs", cached.quarkusStartedMs(), "rssMb", rssMb,
                    "firstStart", startup.get(name)));
            allReady &= cached.readyMs() <= 3000;
            allSmall &= rssMb <= 300;
        }
        report.section("6. Start-up and memory (JVM mode)", "RSS: after all the load above (" + String.join(" ",
                ServiceProcess.JVM_OPTIONS) + "). Ready: from launching the JVM to `/q/health/ready` answering 200, "
                + "each service restarted alone against the running rest of the stack; plainly, then with the JDK's "
                + "AOT cache (`-XX:AOTCache`, JDK 25) trained by a start of its own just before (`-XX:AOTCacheOutput`, "
                + "written when it stopped), as deploy/local/up does.");
        report.table(List.of("service", "ready ms", "Quarkus \"started in\" ms", "ready ms, AOT cache",
                "\"started in\" ms, AOT cache", "RSS MB"), rows);
        report.raw("startup", raw);
        report.target("6. every service ready" + (AOT ? " (AOT cache)" : ""), "≤ 3 s", allReady ? "yes" : "see table 6",
                allReady);
        report.target("6. every service's RSS", "≤ 300 MB", allSmall ? "yes" : "see table 6", allSmall);
    }

    static long rssKb(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
