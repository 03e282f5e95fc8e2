package org.tcyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcyledger.testing.Jvm;
import org.tcyledger.testing.Workspace;

/** Kafka's own performance tools, run against the same broker as the services: the baselines of figure 3 and 4. */
final class KafkaTools {

    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("([0-9.]+) records/sec");

    private final String bootstrapServers;
    private final Path logs;

    KafkaTools(String bootstrapServers, Path logs) {
        this.bootstrapServers = bootstrapServers;
        this.logs = logs;
    }

    /** Records per second that ProducerPerformance sends with the services' durability (acks=all, idempotent). */
    double producerRate(String topic, long records, int recordSize) {
        String output = run("producer-performance", "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true", "linger.ms=2");
        Matcher rate = RECORDS_PER_SECOND.matcher(output);
        double last = Double.NaN;
        while (rate.find()) {
            last = Double.parseDouble(rate.group(1));
        }
        return last;
    }

    /** Records per second that ConsumerPerformance reads from the topics matching {@code include}, from the start. */
    double consumerRate(String include, long records) {
        String output = run("consumer-performance", "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                bootstrapServers, "--include", include, "--num-records", Long.toString(records), "--timeout", "60000",
                "--group", "bench-consumer-performance-" + System.nanoTime());
        // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...,
        // fetch.nMsg.sec: the fetch rate leaves out the group's join time
        for (String line : output.split("\n")) {
            String[] fields = line.split(",\\s*");
            if (fields.length >= 10 && fields[4].trim().matches("[0-9]+")) {
                return Double.parseDouble(fields[9].trim());
            }
        }
        throw new IllegalStateException("no figures from ConsumerPerformance:\n" + output);
    }

    private String run(String name, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Jvm.javaBinary(), "-Xmx512m", "-cp", Workspace.kafkaClasspath(),
                mainClass));
        command.addAll(List.of(arguments));
        try {
            Path log = logs.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(name + " did not finish in 10 minutes");
                }
            } finally {
                process.destroyForcibly();
            }
            return Files.readString(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
