package org.tcyledger.eventsourcing.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer has applied every record its topics held at a moment: the ends read then, against what this
 * instance's loop reached or what the group committed (whichever instance of the service applied it: every instance
 * shares the database, and the group commits an offset only after the database has what comes before it). One
 * long-lived admin client for all the checks, made again after a failure.
 */
final class CatchUp implements AutoCloseable {

    private final Supplier<Map<String, Object>> adminSettings;
    private Admin admin;

    CatchUp(Supplier<Map<String, Object>> adminSettings) {
        this.adminSettings = adminSettings;
    }

    void await(ConsumerLoop loop, Duration timeout) {
        String group = loop.consumer().group();
        Map<TopicPartition, Long> ends;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            var partitions = admin().describeTopics(loop.consumer().topics()).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            ends = new HashMap<>();
            admin().listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
        } catch (Exception e) {
            reset();
            throw new ReplicaNotCaughtUp("cannot read the end of " + loop.consumer().topics() + ": " + e.getMessage());
        }
        while (!loop.hasReached(ends) && !committedReach(group, ends, timeout)) {
            if (System.nanoTime() > deadline) {
                throw new ReplicaNotCaughtUp("the replica " + group + " has not caught up with " + loop.consumer().topics());
            }
            ConsumerRunner.sleep(Duration.ofMillis(20));
        }
    }

    private boolean committedReach(String group, Map<TopicPartition, Long> ends, Duration timeout) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
        } catch (Exception e) {
            reset();
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminSettings.get());
        }
        return admin;
    }

    private synchronized void reset() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
