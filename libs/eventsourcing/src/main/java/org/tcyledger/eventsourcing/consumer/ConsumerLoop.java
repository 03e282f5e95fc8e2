package org.tcyledger.eventsourcing.consumer;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;

/**
 * One consumer on a thread of its own: polls its topics, gathers what arrives within {@code gather} of a poll's first
 * record into one batch, applies it in one transaction ({@link EventApplier}), then commits the offsets; a failure
 * that is not a record's own starts it over from its last committed offset, after a back-off. Readers waiting for its
 * next batch are woken when PostgreSQL has it.
 * <p>
 * The database, not Kafka, says what was applied (each event is recorded as consumed in the transaction that applies
 * it, and a redelivered one is skipped): the offsets only spare redelivery. So under load they are committed at most
 * every {@code commitEvery}, and at once when the topics go quiet, when a partition is taken away and when the
 * consumer closes; only offsets whose records PostgreSQL has are ever committed.
 */
final class ConsumerLoop implements Runnable {

private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final TopicConsumer consumer;
    private final EventApplier applier;
    private volatile boolean stopping;
    private volatile boolean running;
    private volatile KafkaConsumer<String, CloudEvent> kafka;
    private volatile long applied;
    private volatile long duplicates;
    private volatile long gaps;
    private volatile long parked;
    private volatile String lastError;
    /** The next offset to apply per partition, after everything before it was applied and committed. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    /** Notified after every batch committed in PostgreSQL, so that a reader waiting for an event wakes at once. */
    private final Object progress = new Object();
    private volatile long batches;
    /** Readers waiting for the next batch (guarded by {@link #progress}). */
    private final java.util.Set<java.util.concurrent.CompletableFuture<Void>> waiters = new java.util.HashSet<>();

    private final KafkaSettings settings;
    private final EnsuredTopics topics;
    /** Passed for each poll; a hold of the consumers closes it. */
    private final ReentrantReadWriteLock gate;
    /** How long after a poll's first record more are gathered into its batch (zero: a batch per poll). */
    private final Duration gather;
    /** How often at most the offsets of applied records are committed while records keep coming. */
    private final Duration commitEvery;
    /** Per partition, the offset after the last record applied in PostgreSQL and not committed to Kafka yet. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long lastCommit = System.nanoTime();

    /** The most records one batch gathers: a poll's worth, as Kafka hands them out. */
    static final int BATCH_RECORDS = 500;

    ConsumerLoop(TopicConsumer consumer, EventApplier applier, KafkaSettings settings, EnsuredTopics topics,
                 ReentrantReadWriteLock gate, Duration gather, Duration commitEvery) {
        this.consumer = consumer;
        this.applier = applier;
        this.settings = settings;
        this.topics = topics;
        this.gate = gate;
        this.gather = gather;
        this.commitEvery = commitEvery;
    }

    TopicConsumer consumer() {
        return consumer;
    }

    EventApplier applier() {
        return applier;
    }

    long applied() {
        return applied;
    }

    long batches() {
        return batches;
    }

    Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    ConsumerRunner.Status status() {
        return new ConsumerRunner.Status(consumer.group(), running, applied, duplicates, gaps, parked, lastError);
    }

    java.util.concurrent.CompletableFuture<Void> batchAfter(long seen) {
        java.util.concurrent.CompletableFuture<Void> next = new java.util.concurrent.CompletableFuture<>();
        synchronized (progress) {
            if (batches != seen) {
                next.complete(null);
                return next;
            }
            waiters.add(next);
        }
        // a waiter that times out leaves the list at once, so that readers of an idle model do not pile up
        next.whenComplete((done, failed) -> {
            synchronized (progress) {
                waiters.remove(next);
            }
        });
        return next;
    }

    boolean hasReached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    void stop() {
        stopping = true;
        KafkaConsumer<String, CloudEvent> current = kafka;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        boolean failed = false;
        while (!stopping) {
            try {
                if (failed) {
                    topics.ensureAgain(consumer.topics());
                } else {
                    topics.ensure(consumer.topics());
                }
                failed = false;
                if (stopping) {
                    break;
                }
                consumeUntilStopped();
                backoff = Duration.ofMillis(200);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                failed = true;
                running = false;
                lastError = e.getMessage();
                LOG.errorf(e, "consumer %s failed; it resumes from its last committed offset", consumer.group());
                ConsumerRunner.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
        running = false;
    }

    private void consumeUntilStopped() {
        try (KafkaConsumer<String, CloudEvent> client = new KafkaConsumer<>(settings.consumer(consumer.group()))) {
            kafka = client;
            uncommitted.clear();
            client.subscribe(consumer.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // the next owner starts from the committed offsets: what was applied here is committed first
                    commitQuietly(client);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    partitions.forEach(uncommitted::remove);
                }
            });
            running = true;
            try {
                while (!stopping) {
                    gate.readLock().lock();
                    try {
                        pollOnce(client);
                    } finally {
                        gate.readLock().unlock();
                    }
                }
            } finally {
                commitQuietly(client);
            }
        } finally {
            kafka = null;
        }
    }

    /** One batch: a poll and what follows it within {@link #gather}, applied in one transaction. */
    private void pollOnce(KafkaConsumer<String, CloudEvent> client) {
        ConsumerRecords<String, CloudEvent> records = client.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) {
            List<ConsumerRecord<String, CloudEvent>> batch = gathered(client, records);
            EventApplier.Counts counts = applier.applyOrPark(batch);
            // readers see the batch once PostgreSQL has it; the offsets only spare a redelivery
            List<java.util.concurrent.CompletableFuture<Void>> woken;
            synchronized (progress) {
                batches++;
                progress.notifyAll();
                woken = new ArrayList<>(waiters);
                waiters.clear();
            }
            woken.forEach(waiter -> waiter.complete(null));
            for (ConsumerRecord<String, CloudEvent> record : batch) {
                uncommitted.merge(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1),
                        (before, after) -> after.offset() > before.offset() ? after : before);
            }
            applied += counts.applied();
            duplicates += counts.duplicates();
            gaps += counts.early();
            parked += counts.parked();
            lastError = null;
        }
        if (!uncommitted.isEmpty() && (records.isEmpty() || System.nanoTime() - lastCommit >= commitEvery.toNanos())) {
            commit(client);
        }
        for (TopicPartition partition : client.assignment()) {
            positions.put(partition, client.position(partition));
        }
    }

    /**
     * The records of {@code first} and of the polls that follow it until {@link #gather} has passed or a batch is
     * full: under load one transaction and one commit carry many events instead of one or two; alone, an event waits
     * {@code gather} longer for its read model.
     */
    private List<ConsumerRecord<String, CloudEvent>> gathered(KafkaConsumer<String, CloudEvent> client,
                                                              ConsumerRecords<String, CloudEvent> first) {
        List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>(first.count());
        first.forEach(batch::add);
        long deadline = System.nanoTime() + gather.toNanos();
        while (batch.size() < BATCH_RECORDS) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            client.poll(Duration.ofNanos(left)).forEach(batch::add);
        }
        return batch;
    }

    /** Commits the offsets of what PostgreSQL has applied (and only those). */
    private void commit(KafkaConsumer<String, CloudEvent> client) {
        Map<TopicPartition, OffsetAndMetadata> owned = owned(client);
        if (!owned.isEmpty()) {
            client.commitSync(owned);
        }
        uncommitted.clear();
        lastCommit = System.nanoTime();
    }

    /**
     * The offsets to commit, of the partitions this consumer still owns: a batch gathered across a rebalance may hold
     * records of a partition that moved, whose new owner commits its own (older ones from here would only move it back).
     */
    private Map<TopicPartition, OffsetAndMetadata> owned(KafkaConsumer<String, CloudEvent> client) {
        Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(uncommitted);
        owned.keySet().retainAll(client.assignment());
        return owned;
    }

    /** On the way out (or a partition's): what cannot be committed now is only delivered again, and skipped as consumed. */
    private void commitQuietly(KafkaConsumer<String, CloudEvent> client) {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            try {
                client.commitSync(owned(client), Duration.ofSeconds(2));
            } catch (WakeupException stopping) {
                // the stop's wakeup, not taken by a poll (it came during a batch): it is spent now, commit again
                client.commitSync(owned(client), Duration.ofSeconds(2));
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s: offsets not committed on the way out (%s); their records are delivered again and skipped",
                    consumer.group(), e.getMessage());
        } finally {
            uncommitted.clear();
        }
    }
}
