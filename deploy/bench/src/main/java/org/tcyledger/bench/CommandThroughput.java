package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;
import static org.tcyledger.bench.Report.percent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Workspace;

/** Figure 1: commands per second through membership's REST API at 1, 4 and 16 clients, beside a JDBC insert-commit loop on the same PostgreSQL, and where the CPU goes. */
final class CommandThroughput extends BenchContext {

    CommandThroughput(BenchContext run) {
        super(run);
    }

    /** The JIT compiles the command and read paths before anything is measured. */
    void warmUp() throws InterruptedException {
        Duration window = options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(15);
        closedLoop(4, window, latencies -> {
            String id = "W" + runId + "-" + ids.incrementAndGet();
            Rest.Answer answer = secretariat.post(url("membership") + "/members", "{\"id\":\"" + id
                    + "\",\"name\":\"Warm-up " + id + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}");
            if (answer.status() == 201) {
                observer.get(url("projection") + "/members/" + id + "?after=" + answer.eventId() + "&asOf=2100-01-01");
            }
        });
    }

    /** The PostgreSQL limit for the write path: one single-row INSERT and COMMIT per transaction. */
    Latencies insertCommit(int clients) throws Exception {
        infrastructure.ensureDatabase("bench");
        try (Connection connection = database("bench"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS insert_commit (id BIGSERIAL PRIMARY KEY, "
                              + "at TIMESTAMPTZ NOT NULL DEFAULT now(), payload TEXT NOT NULL)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection connection = database("bench");
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        AtomicLong next = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger handedOut = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<Connection> own = ThreadLocal.withInitial(() -> connections.get(handedOut.getAndIncrement()));
        try {
            return closedLoop(clients, options.window(), latencies -> {
                Connection connection = own.get();
                long start = System.nanoTime();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO insert_commit (payload) VALUES (?)")) {
                    insert.setString(1, "{\"id\":\"B-" + next.incrementAndGet() + "\",\"name\":\"Bench state\"}");
                    insert.executeUpdate();
                    connection.commit();
                    latencies.add(System.nanoTime() - start);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** The bench's peer (deploy/bench/peer), packaged by the build, on the same PostgreSQL with the same JVM options. */
    private ServiceProcess startPeer() {
        Path jar = Workspace.root().resolve("deploy/bench/peer/target/quarkus-app/quarkus-run.jar");
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        if (options.jfr()) {
            jvm.addAll(flightRecording("bench-peer"));
        }
        if (options.gcLog()) {
            jvm.add(GcLogs.option(options.out(), "bench-peer"));
        }
        return ServiceProcess.startJar("bench-peer", jar, infrastructure, "tcy_bench_peer", tokens,
                options.serviceConfig(), jvm);
    }

    /** Figure 1; returns the command rate at 16 clients. */
    double commandThroughput() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<Object> raw = new ArrayList<>();
        double rate16 = 0;
        double ratio16 = Double.NaN;
        double peerRatio16 = Double.NaN;
        Map<String, Double> cpu = Map.of();
        Map<String, Double> baselineCpu = Map.of();
        Map<String, Double> peerCpu = Map.of();
        double baseline16 = Double.NaN;
        double peer16 = Double.NaN;
        double peerP50At1 = Double.NaN;
        double commandP50At1 = Double.NaN;
        List<List<String>> stageRows = new ArrayList<>();
        Map<String, Object> stagesRaw = new LinkedHashMap<>();
        try (ServiceProcess peer = startPeer()) {
            // the peer's JIT warms on its own path too, as the stack's did in warmUp
            closedLoop(4, options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10),
                    latencies -> registerMember(peer.url(), "P", latencies));
            for (int clients : CLIENTS) {
                Map<String, Double> beforeBaseline = cpuMeter().snapshot();
                Latencies baseline = insertCommit(clients);
                baselineCpu = CpuMeter.difference(beforeBaseline, cpuMeter().snapshot());
                CpuMeter withPeer = cpuMeter(Map.of(peer.pid(), "peer"));
                Map<String, Double> beforePeer = withPeer.snapshot();
                Latencies peerAnswers = closedLoop(clients, options.window(),
                        latencies -> registerMember(peer.url(), "P", latencies));
                peerCpu = CpuMeter.difference(beforePeer, withPeer.snapshot());
                Metrics stagesBefore = Metrics.read(auditor, url("membership"));
                Map<String, Double> before = cpuMeter().snapshot();
                Latencies commands = closedLoop(clients, options.window(), this::registerMember);
                cpu = CpuMeter.difference(before, cpuMeter().snapshot());
                Metrics stagesAfter = Metrics.read(auditor, url("membership"));
                Map<String, Double> stages = CommandStages.meanMs(stagesBefore, stagesAfter);
                double transaction = stages.get("transaction");
                double publication = stages.get("publication");
                double commandsPerBatch = commands.count()
                        / Math.max(1, CommandStages.count(stagesBefore, stagesAfter, "acknowledgement"));
                stageRows.add(List.of(Integer.toString(clients), number(commands.p50()), number(commands.mean()),
                        number(transaction), number(publication), number(stages.get("acknowledgement")),
                        number(commandsPerBatch), number(commands.mean() - transaction - publication)));
                Map<String, Double> stagesOfLevel = new LinkedHashMap<>(stages);
                stagesOfLevel.put("clientMeanMs", commands.mean());
                stagesOfLevel.put("commandsPerBatch", commandsPerBatch);
                stagesRaw.put(Integer.toString(clients), stagesOfLevel);
                double baselineRate = baseline.count() / (double) options.window().toSeconds();
                double peerRate = peerAnswers.count() / (double) options.window().toSeconds();
                double commandRate = commands.count() / (double) options.window().toSeconds();
                rows.add(List.of(Integer.toString(clients), number(commandRate), number(commands.p50()),
                        number(commands.p99()), Long.toString(commands.failures() + peerAnswers.failures()),
                        number(peerRate), number(peerAnswers.p50()), number(peerAnswers.p99()),
                        percent(commandRate / peerRate), number(baselineRate), number(baseline.p50()),
                        percent(commandRate / baselineRate)));
                raw.add(Map.ofEntries(Map.entry("clients", clients), Map.entry("commandsPerSecond", commandRate),
                        Map.entry("commandP50Ms", commands.p50()), Map.entry("commandP99Ms", commands.p99()),
                        Map.entry("failures", commands.failures()), Map.entry("peerPerSecond", peerRate),
                        Map.entry("peerP50Ms", peerAnswers.p50()), Map.entry("peerP99Ms", peerAnswers.p99()),
                        Map.entry("peerFailures", peerAnswers.failures()),
                        Map.entry("insertCommitPerSecond", baselineRate), Map.entry("insertCommitP50Ms", baseline.p50()),
                        Map.entry("insertCommitP99Ms", baseline.p99())));
                if (clients == 1) {
                    peerP50At1 = peerAnswers.p50();
                    commandP50At1 = commands.p50();
                }
                if (clients == 16) {
                    rate16 = commandRate;
                    ratio16 = commandRate / baselineRate;
                    peerRatio16 = commandRate / peerRate;
                    baseline16 = baselineRate;
                    peer16 = peerRate;
                }
            }
        }
        report.section("1. Command throughput (membership, REST)", "RegisterMember (an organisation) through membership's REST API: "
                + "validated, stored with its hash chain in PostgreSQL, published to Kafka and acknowledged (201) only "
                + "once on the topic. Peer: what a team would otherwise write (deploy/bench/peer), a bare Quarkus REST "
                + "endpoint with the same JWT verification and the same JSON body and checks, one INSERT and COMMIT in "
                + "the same PostgreSQL, 201; started with the services' JVM options. Limit: a JDBC loop of one single-row "
                + "INSERT and COMMIT per transaction on the same PostgreSQL at the same concurrency. Each level runs "
                + options.window().toSeconds() + " s, the three one after the other.");
        report.table(List.of("clients", "commands/s", "p50 ms", "p99 ms", "failed", "peer/s", "p50 ms", "p99 ms",
                "vs peer", "insert-commit/s", "p50 ms", "vs insert-commit"), rows);
        report.raw("commandThroughput", raw);
        report.section("1d. Where a command's time goes", "Mean milliseconds per command at each level, by "
                + "membership's own timers (`tcy_command_stage_seconds`, `tcy_publisher_acknowledgement_seconds` in "
                + "/q/metrics) beside what the load generator measured: the command's transaction (the aggregate, the "
                + "event and its hash chain, the commit), its wait for the event to be on the topic (the store's reader "
                + "waking, the publisher sending, Kafka acknowledging), of which Kafka's acknowledgement of the batch "
                + "that carried it; the rest is HTTP, the token, JSON and the load generator.");
        report.table(List.of("clients", "client p50 ms", "client mean ms", "transaction ms", "wait for the topic ms",
                "of which Kafka's acknowledgement ms (per batch)", "commands per published batch", "rest ms"),
                stageRows);
        report.raw("commandStagesMs", stagesRaw);
        double peerTotal = peerCpu.values().stream().mapToDouble(Double::doubleValue).sum();
        double peerRequests16 = peer16 * options.window().toSeconds();
        List<List<String>> peerCpuRows = new ArrayList<>();
        peerCpu.forEach((part, seconds) -> {
            if (seconds > 0.005) {
                peerCpuRows.add(List.of(part, number(seconds), number(seconds * 1000 / Math.max(1, peerRequests16))));
            }
        });
        report.section("1a. Where the peer's CPU goes at 16 clients", "CPU seconds per part during the peer's "
                + options.window().toSeconds() + " s at 16 clients: " + number(peerTotal) + " s, "
                + number(peerTotal * 1000 / Math.max(1, peerRequests16)) + " ms per request. One client waits "
                + number(peerP50At1) + " ms at the median for the peer, " + number(commandP50At1) + " ms for a command.");
        report.table(List.of("part", "CPU s", "CPU ms per request"), peerCpuRows);
        report.raw("peerCpuAt16Clients", peerCpu);
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        double available = Runtime.getRuntime().availableProcessors() * (double) options.window().toSeconds();
        List<List<String>> cpuRows = new ArrayList<>();
        double commands16 = rate16 * options.window().toSeconds();
        cpu.forEach((part, seconds) -> cpuRows.add(List.of(part, number(seconds), percent(seconds / total),
                number(seconds * 1000 / Math.max(1, commands16)))));
        report.section("1b. Where the CPU goes at 16 clients", "CPU seconds per part of the stack during the "
                + options.window().toSeconds() + " s at 16 clients (from /proc): " + number(total) + " s used of "
                + number(available) + " s the machine has. Every command is also consumed by the projection (its "
                + "register and audit log) and by the register replicas of meetings and assessments.");
        report.table(List.of("part", "CPU s", "share", "CPU ms per command"), cpuRows);
        report.raw("cpuAt16Clients", cpu);
        report.target("1. commands/s at 16 clients vs the peer", "≥ 50%", percent(peerRatio16), peerRatio16 >= 0.50);
        report.target("1. commands/s at 16 clients vs raw insert-commit (the limit)", "≥ 30%", percent(ratio16),
                ratio16 >= 0.30);
        report.target("1. one client's median wait for a command", "≤ 4 ms", number(commandP50At1) + " ms",
                commandP50At1 <= 4);
        // What the machine allows: with the CPU as the limit, the command rate is the CPU over the CPU per command.
        double commandCpuMs = total * 1000 / Math.max(1, commands16);
        double baselineTotal = baselineCpu.values().stream().mapToDouble(Double::doubleValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        double ceiling = cores * 1000 / commandCpuMs;
        double neededCpuMs = cores * 1000 / (0.30 * baseline16);
        report.raw("cpuPerOperationAt16Clients", Map.of("commandMs", commandCpuMs, "commandCpuSeconds", total,
                "insertCommitCpuSeconds", baselineTotal, "available", available, "commandCeilingPerSecond", ceiling,
                "commandCpuMsFor30Percent", neededCpuMs));
        report.section("1c. What limits figure 1", String.format(java.util.Locale.ROOT, "At 16 clients the commands "
                + "used %.1f of the %.1f CPU seconds the machine has (%.0f%%): the CPU is the limit. A command costs "
                + "%.2f ms of CPU across the stack, so %d cores allow at most %.0f commands/s, %.1f%% of the "
                + "insert-commit rate (%,.0f/s, which used only %.1f CPU seconds: it waits for its commits, not for "
                + "the CPU). The 30%% target needs a command to cost no more than %.2f ms of CPU, everything included "
                + "(REST, JWT, Axon, the hash chain, the event store's transaction, the publisher, Kafka, and every "
                + "consumer of the event). Measured ratio: %s.", total, available, 100 * total / available,
                commandCpuMs, cores, ceiling, 100 * ceiling / baseline16, baseline16, baselineTotal, neededCpuMs,
                percent(ratio16)));
        return rate16;
    }
}
