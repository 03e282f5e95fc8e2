package org.tcyledger.eventsourcing.consumer;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;
import org.tcyledger.eventsourcing.kafka.TopicAdmin;

/**
 * One consumer on a thread of its own: polls its topics, applies each poll in one transaction ({@link EventApplier}),
 * then commits the offsets; a failure that is not a record's own starts it over from its last committed offset, after
 * a back-off. Readers waiting for its next batch are woken when PostgreSQL has it.
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
    /** Passed for each poll; a hold of the consumers closes it. */
    private final ReentrantReadWriteLock gate;

    ConsumerLoop(TopicConsumer consumer, EventApplier applier, KafkaSettings settings, ReentrantReadWriteLock gate) {
        this.consumer = consumer;
        this.applier = applier;
        this.settings = settings;
        this.gate = gate;
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
        while (!stopping) {
            try {
                TopicAdmin.ensure(settings, consumer.topics());
                consumeUntilStopped();
                backoff = Duration.ofMillis(200);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
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
            client.subscribe(consumer.topics());
            running = true;
            while (!stopping) {
                gate.readLock().lock();
                try {
                    pollOnce(client);
                } finally {
                    gate.readLock().unlock();
                }
            }
        } finally {
            kafka = null;
        }
    }

    /** One poll: its records applied in one transaction, then their offsets committed. */
    private void pollOnce(KafkaConsumer<String, CloudEvent> client) {
        ConsumerRecords<String, CloudEvent> records = client.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) {
            List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>(records.count());
            records.forEach(batch::add);
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
            client.commitSync();
            applied += counts.applied();
            duplicates += counts.duplicates();
            gaps += counts.early();
            parked += counts.parked();
            lastError = null;
        }
        for (TopicPartition partition : client.assignment()) {
            positions.put(partition, client.position(partition));
        }
    }
}
