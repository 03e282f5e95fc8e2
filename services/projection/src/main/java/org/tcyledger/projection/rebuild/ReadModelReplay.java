package org.tcyledger.projection.rebuild;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.EventApplier;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;

/**
 * One read model replayed from offset 0 of its topics into a rebuild's schema, by a Kafka client of its own (no group:
 * it commits nothing), never past the offsets it is told to reach.
 */
final class ReadModelReplay implements AutoCloseable {

private static final Duration STALLED = Duration.ofSeconds(60);

    final TopicConsumer consumer;
    final EventApplier applier;
    final KafkaConsumer<String, CloudEvent> client;
    /** Written by the replay's thread, read by whoever asks how far it is (ReadModelRebuilds.find). */
    volatile long events;
    /** The sum of the offsets it is reading up to now: what {@code events} comes to when it gets there. */
    volatile long target;
    long applied;
    long duplicates;
    long gaps;
    Map<TopicPartition, Long> reached = Map.of();

    private final ConsumerRunner runner;

    ReadModelReplay(TopicConsumer consumer, EventApplier applier, KafkaSettings settings, ConsumerRunner runner) {
        this.consumer = consumer;
        this.applier = applier;
        this.runner = runner;
        Map<String, Object> config = settings.consumer(consumer.group());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + consumer.group());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.client = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.topics().stream()
                .flatMap(topic -> client.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())))
                .toList();
        client.assign(partitions);
        client.seekToBeginning(partitions);
    }

    /** Up to where the live consumer of the same group stands now, in every instance (from the database). */
    void catchUp() {
        drainTo(runner.appliedPositions(consumer.group()));
    }

    void drainTo(Map<TopicPartition, Long> target) {
        this.target = target.values().stream().mapToLong(Long::longValue).sum();
        long lastProgress = System.nanoTime();
        while (!hasReached(target)) {
            List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>();
            Set<TopicPartition> beyond = new HashSet<>();
            for (ConsumerRecord<String, CloudEvent> record : client.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < target.getOrDefault(partition, 0L)) {
                    batch.add(record);
                } else {
                    beyond.add(partition);
                }
            }
            for (TopicPartition partition : beyond) {
                client.seek(partition, target.getOrDefault(partition, 0L));
            }
            if (!batch.isEmpty()) {
                EventApplier.Counts counts = applier.applyOrPark(batch);
                events += counts.total();
                applied += counts.applied();
                duplicates += counts.duplicates();
                gaps += counts.early();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALLED.toNanos()) {
                throw new IllegalStateException("the rebuild of " + consumer.group() + " read nothing for "
                                                + STALLED.toSeconds() + " s before reaching " + target);
            }
        }
        reached = target;
    }

    private boolean hasReached(Map<TopicPartition, Long> target) {
        return client.assignment().stream()
                .allMatch(partition -> client.position(partition) >= target.getOrDefault(partition, 0L));
    }

    RebuildReport.ReadModel report() {
        return new RebuildReport.ReadModel(consumer.group(), consumer.topics(), events, applied, duplicates, gaps,
                reached.values().stream().mapToLong(Long::longValue).sum());
    }

    /** How far it has read while it runs: {@code endOffsets} is where it is heading. */
    RebuildReport.ReadModel progress() {
        return new RebuildReport.ReadModel(consumer.group(), consumer.topics(), events, applied, duplicates, gaps, target);
    }

    @Override
    public void close() {
        client.close(Duration.ofSeconds(5));
    }
}
