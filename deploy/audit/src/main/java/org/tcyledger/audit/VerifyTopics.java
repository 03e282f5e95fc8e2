package org.tcyledger.audit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.SourceAudit;

/**
 * {@code deploy/audit/verify --bootstrap HOST:PORT [--keys FILE|URL]… [--topic NAME]… [--grace PT5M]}: reads every
 * record of the topics from the start, and verifies each source's hash chains and signed checkpoints with the public
 * keys given, trusting nothing else: no project database, no service. Prints per source its events, streams,
 * checkpoints and breaks; exits 1 on any break, 2 when it cannot read what it was given.
 */
public final class VerifyTopics {

    /** What one run found: a report per source, and the records that did not read as events at all. */
    public record Result(List<SourceAudit.Report> sources, List<String> unreadable) {
        public boolean verified() {
            return unreadable.isEmpty() && sources.stream().allMatch(SourceAudit.Report::verified);
        }
    }

    private VerifyTopics() {
    }

    public static void main(String[] args) {
        String bootstrap = null;
        List<String> keys = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        Duration grace = Duration.ofMinutes(5);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap" -> bootstrap = args[++i];
                    case "--keys" -> keys.add(args[++i]);
                    case "--topic" -> topics.add(args[++i]);
                    case "--grace" -> grace = Duration.parse(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (bootstrap == null || keys.isEmpty()) {
                throw new IllegalArgumentException("--bootstrap and --keys are needed");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: deploy/audit/verify --bootstrap HOST:PORT --keys FILE|URL [--keys …] "
                               + "[--topic NAME]… [--grace PT5M]");
            System.exit(2);
        }
        try {
            Result result = verify(bootstrap, topics.isEmpty() ? Topics.ALL : topics, CheckpointKeys.read(keys), grace);
            print(result, System.out);
            System.exit(result.verified() ? 0 : 1);
        } catch (RuntimeException e) {
            System.err.println("cannot verify: " + e.getMessage());
            System.exit(2);
        }
    }

    public static Result verify(String bootstrap, List<String> topics, CheckpointKeys keys, Duration grace) {
        Map<String, SourceAudit> sources = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_RECORD_BYTES + 65536);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
             CloudEventDeserializer events = new CloudEventDeserializer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("no topic " + topic + " at " + bootstrap);
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.entrySet().removeIf(end -> end.getValue() == 0);
            while (!ends.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    try {
                        CloudEvent event = events.deserialize(record.topic(), record.headers(), record.value());
                        EventEnvelope envelope = EventEnvelope.fromCloudEvent(event);
                        sources.computeIfAbsent(envelope.source(), source -> new SourceAudit(source, keys, grace))
                                .add(envelope);
                    } catch (RuntimeException e) {
                        unreadable.add(record.topic() + "/" + record.partition() + "@" + record.offset() + ": "
                                       + e.getMessage());
                    }
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return new Result(sources.values().stream().map(SourceAudit::finish).toList(), unreadable);
    }

    public static void print(Result result, PrintStream out) {
        out.printf("%-22s %8s %8s %12s %8s %10s  %-24s %7s%n", "source", "events", "streams", "checkpoints",
                "covered", "uncovered", "last checkpoint", "breaks");
        for (SourceAudit.Report report : result.sources()) {
            out.printf("%-22s %8d %8d %12d %8d %10d  %-24s %7d%n", report.source(), report.events(), report.streams(),
                    report.checkpoints(), report.covered(), report.uncovered(),
                    report.lastCheckpoint() == null ? "none" : report.lastCheckpoint().toString(), report.breaks().size());
        }
        for (SourceAudit.Report report : result.sources()) {
            for (ChainVerifier.Break found : report.breaks()) {
                out.printf("BREAK %s %s #%d%s: %s%n", report.source(), found.subject(), found.sequence(),
                        found.eventId() == null ? "" : " (event " + found.eventId() + ")", found.reason());
            }
        }
        result.unreadable().forEach(record -> out.println("BREAK unreadable record " + record));
        out.println(result.verified() ? "verified: every chain and every checkpoint holds"
                : "NOT VERIFIED: see the breaks above");
    }
}
