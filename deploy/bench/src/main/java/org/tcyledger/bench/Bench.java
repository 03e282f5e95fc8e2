package org.tcyledger.bench;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.KafkaBroker;
import org.tcyledger.testing.ServiceProcess;

/**
 * {@code deploy/bench/run}: every figure of the performance report, each measured beside its baseline on the same
 * machine in the same run, against a PostgreSQL, a Kafka broker and the five packaged services of its own.
 */
public final class Bench {

    /**
     * {@code --quick}: seconds instead of minutes, to keep the harness working in CI. {@code --jfr}: every service
     * records a JDK Flight Recording (the profile settings) from its start to figure 1's end, written to
     * {@code <out>/jfr/<service>.jfr}; {@code jfr view hot-methods} reads it. {@code --commands-only}: figure 1 and
     * its CPU alone (a couple of minutes), to compare a change. {@code --jvm OPTION}: one more JVM option for every service
     * (and the peer), to try one. {@code --broker-jvm kafka|tests} (default {@code tests}): the Kafka broker on the JVM
     * options Kafka's own scripts give it (1 GB heap, G1, both compilers) or on the tests' (a small heap, the serial
     * collector, the client compiler alone); back to back, Kafka's cost the broker more CPU per command and one client
     * more wait, commands/s the same (results/2026-12-01-ab/broker-*.md). {@code --gc-log}: every JVM (services, peer,
     * broker) logs its collections, and the report sums them ({@link GcLogs}).
     */
    record Options(boolean quick, Duration window, Duration readWindow, List<Long> sizes, Path out,
                   Map<String, String> serviceConfig, boolean jfr, boolean commandsOnly, List<String> jvmOptions,
                   List<String> brokerJvm, boolean gcLog) {
        static Options parse(String[] args) {
            boolean quick = false;
            boolean jfr = false;
            boolean commandsOnly = false;
            boolean gcLog = false;
            Map<String, String> serviceConfig = new LinkedHashMap<>();
            List<String> jvmOptions = new java.util.ArrayList<>();
            List<Long> sizes = null;
            Path out = Path.of("deploy/bench/target/report");
            List<String> brokerJvm = KafkaBroker.TEST_JVM_OPTIONS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--jfr" -> jfr = true;
                    case "--commands-only" -> commandsOnly = true;
                    case "--gc-log" -> gcLog = true;
                    case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
                    case "--out" -> out = Path.of(args[++i]);
                    case "--jvm" -> jvmOptions.add(args[++i]);
                    case "--broker-jvm" -> brokerJvm = switch (args[++i]) {
                        case "kafka" -> KafkaBroker.KAFKA_JVM_OPTIONS;
                        case "tests" -> KafkaBroker.TEST_JVM_OPTIONS;
                        default -> throw new IllegalArgumentException("--broker-jvm takes kafka or tests");
                    };
                    case "--set" -> {
                        String[] setting = args[++i].split("=", 2);
                        serviceConfig.put(setting[0], setting[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (use --quick, --sizes 100000,1000000, --out DIR, --set key=value for every service, --jvm OPTION for every service's JVM, --broker-jvm kafka|tests, --jfr, --gc-log, --commands-only)");
                }
            }
            if (sizes == null) {
                sizes = quick ? List.of(2_000L) : List.of(100_000L, 1_000_000L);
            }
            return quick ? new Options(true, Duration.ofSeconds(2), Duration.ofSeconds(3), sizes, out, serviceConfig, jfr,
                    commandsOnly, jvmOptions, brokerJvm, gcLog)
                         : new Options(false, Duration.ofSeconds(10), Duration.ofSeconds(20), sizes, out, serviceConfig, jfr,
                    commandsOnly, jvmOptions, brokerJvm, gcLog);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.out());
        List<String> brokerJvm = new java.util.ArrayList<>(options.brokerJvm());
        if (options.gcLog()) {
            GcLogs.clear(options.out());
            brokerJvm.add(GcLogs.option(options.out(), "kafka"));
        }
        Infrastructure infrastructure = Infrastructure.fresh(brokerJvm);
        BenchContext run = new BenchContext(options, infrastructure);
        try {
            run(run);
        } finally {
            run.running.values().forEach(ServiceProcess::close);
            infrastructure.stop();
        }
        System.exit(0);
    }

    /** Every figure in turn, on the same services and store: each later one measures on what the earlier left. */
    private static void run(BenchContext run) throws Exception {
        new Environment(run).environment();
        for (String service : BenchContext.SERVICES) {
            run.start(service);
        }
        CommandThroughput throughput = new CommandThroughput(run);
        throughput.warmUp();
        double raw16 = throughput.commandThroughput();
        run.dumpProfiles();
        if (run.options.commandsOnly()) {
            boolean logged = GcLogs.report(run);
            Path written = run.report.write(run.options.out());
            System.out.println("bench: figure 1 alone written to " + written.toAbsolutePath());
            requireLogged(logged);
            return;
        }
        new CommandToReadModel(run).commandToReadModel(raw16);
        Map<Long, Latencies> growth = new LinkedHashMap<>();
        growth.put(run.storedEvents(), run.singleClientLatency());
        SeedAndRebuild store = new SeedAndRebuild(run);
        for (long size : run.options.sizes()) {
            store.seed(size);
            store.rebuild(size);
            growth.put(run.storedEvents(), run.singleClientLatency());
        }
        new CostGrowth(run).costGrowth(growth);
        PublishAndConsume topics = new PublishAndConsume(run);
        topics.publisher();
        topics.projectionConsumer();
        new StartupAndMemory(run).startupAndMemory();
        boolean logged = GcLogs.report(run);
        Path written = run.report.write(run.options.out());
        System.out.println("bench: report written to " + written.toAbsolutePath() + " (raw numbers beside it in raw.json)");
        requireLogged(logged);
    }

    /** After the report is written: a run asked for GC logs that none of its JVMs wrote fails (its report says so). */
    private static void requireLogged(boolean logged) {
        if (!logged) {
            throw new IllegalStateException("--gc-log: no JVM logged a pause; see section 7 of the report");
        }
    }
}
