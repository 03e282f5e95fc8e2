package org.tcyledger.eventsourcing.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A service's consumers starting together make or check their topics through one admin client, not one each; a
 * consumer that failed checks its own again. (The admin's work on a real broker is the consumers' integration tests';
 * here it is counted.)
 */
class EnsuredTopicsTest {

    private final List<Set<String>> calls = Collections.synchronizedList(new ArrayList<>());

    @Test
    void consumersStartingTogetherEnsureEveryTopicOnce() throws Exception {
        List<List<String>> consumers = List.of(List.of("membership"), List.of("meetings", "membership"),
                List.of("assessments"), List.of("cloud-evidence"), List.of("meetings"), List.of("membership"),
                List.of("assessments", "meetings"), List.of("cloud-evidence"));
        List<String> all = consumers.stream().flatMap(List::stream).toList();
        EnsuredTopics topics = new EnsuredTopics(calls::add, all);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(consumers.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (List<String> consumer : consumers) {
                started.add(threads.submit(() -> {
                    go.await();
                    topics.ensure(consumer);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> start : started) {
                start.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(Set.of("membership", "meetings", "assessments", "cloud-evidence")), calls);
    }

    @Test
    void aConsumerThatFailedEnsuresItsOwnTopicsAgain() {
        EnsuredTopics topics = new EnsuredTopics(calls::add, List.of("membership", "meetings"));
        topics.ensure(List.of("membership"));
        topics.ensure(List.of("meetings"));
        topics.ensureAgain(List.of("meetings"));
        assertEquals(List.of(Set.of("membership", "meetings"), Set.of("meetings")), calls);
    }

    @Test
    void whenTheSharedAttemptFailsTheOthersFailAtOnceAndEachRetriesItsOwn() {
        java.util.concurrent.atomic.AtomicBoolean kafkaAway = new java.util.concurrent.atomic.AtomicBoolean(true);
        EnsuredTopics topics = new EnsuredTopics(wanted -> {
            calls.add(wanted);
            if (kafkaAway.get()) {
                throw new IllegalStateException("Kafka away");
            }
        }, List.of("membership", "meetings"));
        assertThrows(IllegalStateException.class, () -> topics.ensure(List.of("membership")));
        // the second consumer does not try again through the same lock: it fails with the first's reason
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> topics.ensure(List.of("meetings")));
        assertTrue(second.getMessage().contains("Kafka away"), second.getMessage());
        assertEquals(1, calls.size());
        kafkaAway.set(false);
        topics.ensureAgain(List.of("meetings"));
        topics.ensureAgain(List.of("membership"));
        assertEquals(List.of(Set.of("membership", "meetings"), Set.of("meetings"), Set.of("membership")), calls);
        // once a retry went through, the shared attempt's failure no longer stands
        topics.ensure(List.of("documents"));
        assertEquals(Set.of("membership", "meetings", "documents"), calls.get(3));
    }

    @Test
    void aTopicNoConsumerNamedAtStartIsEnsuredWhenAsked() {
        EnsuredTopics topics = new EnsuredTopics(calls::add, List.of("membership"));
        topics.ensure(List.of("membership"));
        topics.ensure(List.of("documents"));
        assertEquals(List.of(Set.of("membership"), Set.of("membership", "documents")), calls);
    }
}
