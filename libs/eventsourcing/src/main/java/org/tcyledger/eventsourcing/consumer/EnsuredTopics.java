package org.tcyledger.eventsourcing.consumer;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;
import org.tcyledger.eventsourcing.kafka.TopicAdmin;

/**
 * The topics of a service's consumers, made or checked ({@link TopicAdmin#ensure}) for all of them at once: at start
 * the first consumer's thread ensures every consumer's topics with one admin client while the others wait, instead of
 * each making its own client (the projection's did, one per consumer, and their set-up took the CPU its first HTTP request needed).
 * If that attempt fails (Kafka away), the consumers that waited for it fail at once rather than try one after the
 * other, and each ensures its own topics again before it resumes, on its own, as a consumer that failed later does
 * (while Kafka stays away, that is one admin client per consumer and retry, as before this class).
 */
final class EnsuredTopics {

    /** Makes or checks topics, with an admin client of its own each time. */
    private final Consumer<Set<String>> admin;
    private final Set<String> all;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();
    /** Why the shared attempt failed (guarded by this); the consumers that waited for it fail with it. */
    private RuntimeException failure;

    EnsuredTopics(KafkaSettings settings, Collection<String> all) {
        this(topics -> TopicAdmin.ensure(settings, topics), all);
    }

    EnsuredTopics(Consumer<Set<String>> admin, Collection<String> all) {
        this.admin = admin;
        this.all = new LinkedHashSet<>(all);
    }

    /**
     * A consumer's first try: ensures {@code topics} unless they were already, with the rest of the service's topics;
     * fails at once while the shared attempt's failure stands (until an {@link #ensureAgain} succeeds).
     */
    synchronized void ensure(Collection<String> topics) {
        if (ensured.containsAll(topics)) {
            return;
        }
        if (failure != null) {
            throw new IllegalStateException("cannot ensure the topics " + topics + ": " + failure.getMessage(), failure);
        }
        Set<String> wanted = new LinkedHashSet<>(all);
        wanted.addAll(topics);
        try {
            admin.accept(wanted);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        ensured.addAll(wanted);
    }

    /** After a failure: ensures {@code topics} whether or not they were (a topic may have gone), not waiting for others. */
    void ensureAgain(Collection<String> topics) {
        admin.accept(new LinkedHashSet<>(topics));
        ensured.addAll(topics);
        synchronized (this) {
            failure = null;
        }
    }
}
