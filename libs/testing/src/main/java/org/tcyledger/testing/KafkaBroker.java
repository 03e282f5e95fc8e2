package org.tcyledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (KRaft, one node acting as broker and controller) in a JVM of its own, on loopback. Its
 * classpath is the one {@code libs/kafka-broker} resolved: Scala and the broker's libraries never meet a Quarkus
 * application's. It can be stopped and started again on the same port and data, as a broker outage would.
 */
public final class KafkaBroker {

    /** A small heap and the client compiler alone: a broker up fast, for tests. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * What Kafka's own start scripts give a broker ({@code kafka-server-start.sh}'s heap, {@code kafka-run-class.sh}'s
     * performance options, word for word): the broker as it runs in production, with both compilers.
     */
    public static final List<String> KAFKA_JVM_OPTIONS = List.of("-Xmx1G", "-Xms1G", "-server", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent",
            "-Djava.awt.headless=true");

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private Process process;

    /**
     * A broker whose JVM runs on {@code jvmOptions}: {@link #TEST_JVM_OPTIONS} for tests, which start many and want
     * them up fast, or {@link #KAFKA_JVM_OPTIONS} to measure it as deployed.
     */
    public KafkaBroker(Path directory, int port, int controllerPort, List<String> jvmOptions) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path properties = directory.resolve("server.properties");
            Path data = directory.resolve("data");
            Files.writeString(properties, serverProperties(data));
            if (!Files.exists(data.resolve("meta.properties"))) {
                run(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(), "-c",
                        properties.toString()), directory.resolve("format.log"), Duration.ofSeconds(60));
            }
            process = java(List.of("kafka.Kafka", properties.toString()), directory.resolve("broker.log")).start();
            awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as an operator stops a broker; it shuts down cleanly in a few seconds. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL, as a crashed machine or the OOM killer stops a broker: no clean shutdown, unflushed state stays as is. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private String serverProperties(Path data) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.num.partitions=5",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the log cleaner's map (compacting __consumer_offsets) is allocated on the heap when the broker starts:
                // Kafka's 128 MB was half the tests' 256 MB heap, and the bench's GC log showed full collections with
                // 162-171 MB live (runs 11, 12). 16 MB still maps about 630,000 keys per pass (24 bytes each, 0.9
                // full); a few hundred exist here. Whatever the JVM's options, so also under the bench's --broker-jvm.
                "log.cleaner.dedupe.buffer.size=16777216",
                "") ;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + directory.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + "; see " + directory.resolve("broker.log"));
    }

    private void run(List<String> arguments, Path log, Duration timeout) throws IOException {
        Process tool = java(arguments, log).start();
        try {
            if (!tool.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException("Kafka " + arguments.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dlog4j.configuration=none", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", Workspace.kafkaClasspath()));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
