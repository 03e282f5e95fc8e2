package org.tcyledger.bench;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;

/**
 * What every figure of the benchmark shares: the options, the infrastructure and the running services, the clients
 * with their tokens, the report, and the helpers that start a service, load it and read the store and the topics.
 * A figure is a context of its own that shares these with the run ({@link #BenchContext(BenchContext)}).
 */
class BenchContext {

    static final List<String> SERVICES = List.of("membership", "meetings", "assessments", "cloud-evidence",
            "projection");

    static final List<String> TOPICS = List.of("tcy.membership.v1", "tcy.meetings.v1", "tcy.assessments.v1",
            "tcy.cloud-evidence.v1");

    static final int[] CLIENTS = {1, 4, 16};

    static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    final Bench.Options options;

    final Infrastructure infrastructure;

    final Tokens tokens;

    final Rest secretariat;

    final Rest observer;

    final Rest auditor;

    final Report report;

    final Map<String, ServiceProcess> running;

    final Map<String, Object> startup;

    final AtomicLong ids;

    /** Member ids are upper-case slugs (an organisation's; a State's would be its two ISO letters). */
    final String runId;

    /** Native memory tracking, summary level: a few MB and no measurable CPU, read by figure 6 with jcmd. */
    static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    /** The JDK's ahead-of-time cache (JDK 25 and later): written when a service trained with it stops. */
    static final boolean AOT = Runtime.version().feature() >= 25;

    Path aotCache(String name) {
        return options.out().toAbsolutePath().resolve("aot").resolve(name + ".aot");
    }

    ServiceProcess start(String name) {
        // every service that carries load: figure 6 reads its native memory summary after the whole bench
        return start(name, List.of(NATIVE_MEMORY_TRACKING)).service();
    }

    record Started(ServiceProcess service, double readyMs, double quarkusStartedMs) {
    }

    Started start(String name, List<String> jvmOptions) {
        Map<String, String> config = new LinkedHashMap<>(options.serviceConfig());
        if (name.equals("projection")) {
            config.put("tcy.keyholder.url", running.get("membership").url());
            config.put("tcy.keyholder.token", tokens.keyholder());
        }
        List<String> options = new java.util.ArrayList<>(this.options.jvmOptions());
        options.addAll(jvmOptions);
        if (this.options.jfr() && !running.containsKey(name) && !startup.containsKey(name)) {
            options.addAll(flightRecording(name));
        }
        if (this.options.gcLog()) {
            options.add(GcLogs.option(this.options.out(), name));
        }
        long launched = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(name, infrastructure, databaseOf(name), tokens, config, options);
        double readyMs = (System.nanoTime() - launched) / 1e6;
        Matcher quarkus = STARTED_IN.matcher(service.logText());
        double startedIn = quarkus.find() ? Double.parseDouble(quarkus.group(1)) * 1000 : Double.NaN;
        running.put(name, service);
        startup.putIfAbsent(name, Map.of("readyMs", readyMs, "quarkusStartedMs", startedIn));
        return new Started(service, readyMs, startedIn);
    }

    /** {@code --jfr}: a recording with the profile settings, written when the service stops or {@link #dumpProfiles}. */
    List<String> flightRecording(String name) {
        Path file = options.out().toAbsolutePath().resolve("jfr").resolve(name + ".jfr");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // deep enough for a request's whole stack (Vert.x, RESTEasy, Axon, JDBC): 64 frames cut most of them
        return List.of("-XX:FlightRecorderOptions:stackdepth=512", "-XX:StartFlightRecording=name=bench,"
                + "settings=profile,dumponexit=true,filename=" + file);
    }

    /** {@code --jfr}: each service's recording so far, written now with jcmd (figure 1 is what it profiles). */
    void dumpProfiles() throws Exception {
        if (!options.jfr()) {
            return;
        }
        for (var entry : running.entrySet()) {
            Path file = options.out().toAbsolutePath().resolve("jfr").resolve(entry.getKey() + "-figure-1.jfr");
            jcmd(entry.getValue().pid(), "JFR.dump", "name=bench", "filename=" + file);
        }
    }

    /** Runs the JDK's jcmd against a process and answers what it printed. */
    static String jcmd(long pid, String... command) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    CpuMeter cpuMeter() {
        return cpuMeter(Map.of());
    }

    /** The running services' CPU, and that of {@code others} (pid to part) beside them. */
    CpuMeter cpuMeter(Map<Long, String> others) {
        Map<Long, String> pids = new LinkedHashMap<>();
        running.forEach((name, service) -> pids.put(service.pid(), name));
        pids.putAll(others);
        return new CpuMeter(pids);
    }

    static String databaseOf(String service) {
        return "tcy_" + service.replace('-', '_');
    }

    String url(String service) {
        return running.get(service).url();
    }

    /** One registration command: a fresh member, 201 and its event on the topic. */
    void registerMember(Latencies latencies) {
        registerMember(url("membership"), "B", latencies);
    }

    /** The same body and token to {@code base}'s {@code POST /members} (membership, or the bench's peer). */
    void registerMember(String base, String prefix, Latencies latencies) {
        String id = prefix + runId + "-" + ids.incrementAndGet();
        long start = System.nanoTime();
        Rest.Answer answer = secretariat.post(base + "/members", "{\"id\":\"" + id
                + "\",\"name\":\"Bench organisation " + id + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}");
        if (answer.status() == 201) {
            latencies.add(System.nanoTime() - start);
        } else {
            latencies.failed();
        }
    }

    Latencies singleClientLatency() throws InterruptedException {
        return closedLoop(1, options.window(), this::registerMember);
    }

    /** {@code clients} threads each doing {@code work} back to back for {@code window}. */
    static Latencies closedLoop(int clients, Duration window, java.util.function.Consumer<Latencies> work)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + window.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        work.accept(latencies);
                    } catch (RuntimeException e) {
                        latencies.failed();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(window.toSeconds() + 60, TimeUnit.SECONDS);
        return latencies;
    }

    long storedEvents() throws SQLException {
        long total = 0;
        for (String service : List.of("membership", "meetings", "assessments", "cloud-evidence")) {
            try (Connection connection = database(databaseOf(service)); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                row.next();
                total += row.getLong(1);
            }
        }
        return total;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
    }

    long endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /**
     * What the projection's consumer groups have committed, and what they still have to read on the partitions
     * assigned to them ({@code [committed, lag, groups with assignments]}).
     */
    long[] projectionCommittedAndLag(Admin admin) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(group -> group.startsWith("projection-")).toList();
        long committed = 0;
        long lag = 0;
        long assigned = 0;
        for (var description : admin.describeConsumerGroups(groups).all().get().values()) {
            List<TopicPartition> partitions = description.members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream()).toList();
            if (partitions.isEmpty()) {
                continue;
            }
            assigned++;
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(description.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            partitions.forEach(partition -> ends.put(partition, OffsetSpec.latest()));
            var latest = admin.listOffsets(ends).all().get();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = offsets.get(partition);
                long position = at == null ? 0 : at.offset();
                committed += position;
                lag += latest.get(partition).offset() - position;
            }
        }
        return new long[] {committed, lag, assigned};
    }

    void awaitProjectionCaughtUp(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                long[] state = projectionCommittedAndLag(admin);
                if (state[2] >= 6 && state[1] == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the projection is " + state[1] + " records behind after " + within);
                }
                Thread.sleep(200);
            }
        }
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(name), infrastructure.user(), infrastructure.password());
    }

    BenchContext(Bench.Options options, Infrastructure infrastructure) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.tokens = Tokens.forTests();
        this.secretariat = new Rest(tokens.token("secretariat"));
        this.observer = new Rest(tokens.token("observer"));
        this.auditor = new Rest(tokens.token("auditor"));
        this.report = new Report("T-CY Ledger performance" + (options.quick() ? " (quick run: not figures to quote)" : ""));
        this.running = new LinkedHashMap<>();
        this.startup = new LinkedHashMap<>();
        this.ids = new AtomicLong();
        this.runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    /** Shares everything with {@code run}. */
    BenchContext(BenchContext run) {
        this.options = run.options;
        this.infrastructure = run.infrastructure;
        this.tokens = run.tokens;
        this.secretariat = run.secretariat;
        this.observer = run.observer;
        this.auditor = run.auditor;
        this.report = run.report;
        this.running = run.running;
        this.startup = run.startup;
        this.ids = run.ids;
        this.runId = run.runId;
    }
}
