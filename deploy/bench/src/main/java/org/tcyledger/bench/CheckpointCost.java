package org.tcyledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;

/**
 * {@code deploy/bench/checkpoint-cost [--quick]}: what signed checkpoints cost. Membership alone, on a fresh database
 * per run, takes RegisterMember from 16 clients for a window, with checkpoints on (every 1,000 events and every minute,
 * the defaults) and off, alternating; then reads the checkpoints' own figures from its metrics: milliseconds to take
 * one (SHARE lock, heads, Merkle root, signature, append) and stored bytes. Prints a Markdown table and writes it to
 * {@code deploy/bench/target/checkpoint-cost.md}.
 */
public final class CheckpointCost {

    private static final int CLIENTS = 16;
    private record Run(boolean checkpoints, int round, double commandsPerSecond, Map<String, Double> metrics) {
    }

    private CheckpointCost() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Duration window = quick ? Duration.ofSeconds(3) : Duration.ofSeconds(30);
        int rounds = quick ? 1 : 3;
        Tokens tokens = Tokens.forTests();
        Infrastructure infrastructure = Infrastructure.fresh();
        List<Run> runs = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                for (boolean checkpoints : new boolean[] {true, false}) {
                    runs.add(run(infrastructure, tokens, checkpoints, round, window));
                }
            }
        } finally {
            infrastructure.stop();
        }
        String report = report(runs, window, quick);
        System.out.println(report);
        Path out = Path.of("deploy/bench/target/checkpoint-cost.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.exit(0);
    }

    private static Run run(Infrastructure infrastructure, Tokens tokens, boolean checkpoints, int round, Duration window)
            throws Exception {
        String database = "tcy_cp_" + (checkpoints ? "on" : "off") + "_" + round;
        try (ServiceProcess membership = ServiceProcess.start("membership", infrastructure, database, tokens,
                Map.of("tcy.checkpoints.enabled", Boolean.toString(checkpoints)))) {
            Rest secretariat = new Rest(tokens.token("secretariat"));
            load(secretariat, membership.url(), database + "-warm", Duration.ofSeconds(3));
            double rate = load(secretariat, membership.url(), database, window) / (window.toMillis() / 1000.0);
            Metrics exposition = Metrics.read(new Rest(tokens.token("auditor")), membership.url());
            Map<String, Double> metrics = new LinkedHashMap<>();
            exposition.names("tcy_checkpoint_").forEach(name -> metrics.put(name, exposition.value(name, "")));
            if (checkpoints && metrics.isEmpty()) {
                System.err.println("checkpoint-cost: no tcy_checkpoint_ metric in /q/metrics: "
                        + exposition.series().stream().filter(s -> s.name().contains("checkpoint")).limit(5).toList());
            }
            return new Run(checkpoints, round, rate, metrics);
        }
    }

    /** Commands acknowledged (201) by {@code CLIENTS} clients in the window. */
    private static int load(Rest rest, String url, String prefix, Duration window) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + window.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            running.add(clients.submit(() -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    String member = (prefix + "-" + id + "-" + n).replace('_', '-').toUpperCase(Locale.ROOT);
                    Rest.Answer answer = rest.post(url + "/members", "{\"id\":\"" + member + "\",\"name\":\"Organisation "
                            + member + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}");
                    if (answer.status() == 201) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return done.get();
    }

    private static String report(List<Run> runs, Duration window, boolean quick) {
        StringBuilder out = new StringBuilder("# What signed checkpoints cost" + (quick ? " (quick run: not figures to quote)" : "")
                + "\n\nRegisterMember at " + CLIENTS + " clients for " + window.toSeconds() + " s per run, membership alone, "
                + "a fresh database per run; checkpoints every 1,000 events and every minute.\n\n"
                + "| round | checkpoints | commands/s | checkpoints taken | ms per checkpoint (mean / max) | bytes per checkpoint (mean / max) | heads per checkpoint (mean) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            Map<String, Double> m = run.metrics();
            double count = m.getOrDefault("tcy_checkpoint_write_seconds_count", 0.0);
            out.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %s | %s | %s |%n", run.round(),
                    run.checkpoints() ? "on" : "off", run.commandsPerSecond(), count,
                    count == 0 ? "–" : String.format(Locale.ROOT, "%.1f / %.1f",
                            1000 * m.get("tcy_checkpoint_write_seconds_sum") / count,
                            1000 * m.getOrDefault("tcy_checkpoint_write_seconds_max", Double.NaN)),
                    count == 0 ? "–" : String.format(Locale.ROOT, "%.0f / %.0f",
                            m.get("tcy_checkpoint_bytes_sum") / m.get("tcy_checkpoint_bytes_count"),
                            m.getOrDefault("tcy_checkpoint_bytes_max", Double.NaN)),
                    count == 0 ? "–" : String.format(Locale.ROOT, "%.0f",
                            m.get("tcy_checkpoint_heads_sum") / m.get("tcy_checkpoint_heads_count"))));
        }
        double on = runs.stream().filter(Run::checkpoints).mapToDouble(Run::commandsPerSecond).average().orElse(0);
        double off = runs.stream().filter(run -> !run.checkpoints()).mapToDouble(Run::commandsPerSecond).average().orElse(0);
        out.append(String.format(Locale.ROOT, "%nMean: %.0f commands/s with checkpoints, %.0f without (%+.1f %%).%n",
                on, off, off == 0 ? 0 : 100 * (on - off) / off));
        return out.toString();
    }
}
