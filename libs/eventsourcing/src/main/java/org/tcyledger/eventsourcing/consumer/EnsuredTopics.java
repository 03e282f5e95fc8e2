package org.tcyledger.eventsourcing.consumer;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.tcyledger.eventsourcing.kafka.KafkaSettings;
import org.tcyledger.eventsourcing.kafka.TopicAdmin;

/**
 * The topics of a service's consumers, made or checked ({@link TopicAdmin#ensure}) for all of them at once: at start
 * the first consumer's thread ensures every consumer's topics with one admin client while the others wait, instead of
 * each making its own client (the projection's eight did, and their set-up took the CPU its first HTTP request needed).
 * A consumer that failed ensures its own topics again before it resumes, as before.
 */
final class EnsuredTopics {

    /** Makes or checks topics, with an admin client of its own each time. */
    private final Consumer<Set<String>> admin;
    private final Set<String> all;
    private final Set<String> ensured = new HashSet<>();

    EnsuredTopics(KafkaSettings settings, Collection<String> all) {
        this(topics -> TopicAdmin.ensure(settings, topics), all);
    }

    EnsuredTopics(Consumer<Set<String>> admin, Collection<String> all) {
        this.admin = admin;
        this.all = new LinkedHashSet<>(all);
    }

    /** Ensures {@code topics} unless they were already, with the rest of the service's topics when it does. */
    synchronized void ensure(Collection<String> topics) {
        if (ensured.containsAll(topics)) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(all);
        wanted.addAll(topics);
        admin.accept(wanted);
        ensured.addAll(wanted);
    }

    /** Ensures {@code topics} whether or not they were (after a failure: a topic may have gone). */
    synchronized void ensureAgain(Collection<String> topics) {
        admin.accept(new LinkedHashSet<>(topics));
        ensured.addAll(topics);
    }
}
