package org.tcyledger.eventsourcing.kafka;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.eventsourcing.axon.Envelopes;

/**
 * The only way events leave a write service: the {@code kafka-publisher} tracking processor hands it every stored
 * event in order. It sends a batch without waiting, then, before the processor's token is stored in the same
 * transaction, flushes and checks every send once. If any failed, the batch's transaction rolls back, the token
 * stays where it was and the processor retries the batch: events may reach the topic twice (consumers drop
 * duplicates by id) but never not at all.
 * <p>
 * A record Kafka refuses for good (too large for the topic, say) is never skipped, since later events of its
 * aggregate would then reach consumers without it: the publisher keeps retrying it, in order, and raises an alarm
 * (its reason in readiness, {@code tcy_publisher_refused_total} and {@code tcy_publisher_alarm}) until a batch goes
 * through. The size check of the storage engine keeps such records out of the store in the first place.
 */
public final class KafkaPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class);
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final WriteModel model;
    private final KafkaSettings settings;
    private final Serializer serializer;
    private volatile Producer<String, CloudEvent> producer;
    private volatile boolean topicReady;
    /** Ids of the events acknowledged lately, and who waits for which, so that a command can answer once published. */
    private final java.util.Set<String> recentlyPublished = java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            });
    private final java.util.Map<String, java.util.concurrent.CompletableFuture<Void>> waiting =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Why Kafka refuses a record for good, until a batch goes through; null when all is well. */
    private volatile String alarm;
    private final java.util.concurrent.atomic.AtomicLong refusals = new java.util.concurrent.atomic.AtomicLong();
    /** How long Kafka takes to acknowledge a batch: the flush and the check of every send. */
    private final Timer acknowledgement;

    /**
     * @param acknowledgement records, per batch, how long Kafka took to acknowledge it
     *                        ({@code tcy_publisher_acknowledgement_seconds} in a service)
     */
    public KafkaPublisher(WriteModel model, KafkaSettings settings, Serializer serializer, Timer acknowledgement) {
        this.model = model;
        this.settings = settings;
        this.serializer = serializer;
        this.acknowledgement = acknowledgement;
    }

    @EventHandler
    public void publish(Object payload, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event)) {
            return;
        }
        EventEnvelope envelope = Envelopes.of(event, model.source(), model.catalog(), serializer);
        try {
            Batch batch = pendingBatch();
            batch.sends().add(producer().send(
                    new ProducerRecord<>(model.topic(), envelope.subject(), envelope.toCloudEvent())));
            batch.eventIds().add(envelope.id());
        } catch (RuntimeException e) {
            LOG.warnf("Kafka did not take event %s of %s; the batch will be published again: %s",
                    envelope.id(), model.topic(), e.getMessage());
            refusedForGood(e, envelope.id());
            reset();
            throw e;
        }
    }

    /** Why the publisher cannot move (a record Kafka refuses for good), or empty. */
    public java.util.Optional<String> alarm() {
        return java.util.Optional.ofNullable(alarm);
    }

    /** How many times Kafka refused a record for good since the service started. */
    public long refusals() {
        return refusals.get();
    }

    private void refusedForGood(Throwable e, String eventId) {
        if (e instanceof org.apache.kafka.common.errors.RetriableException
            || e instanceof org.apache.kafka.common.errors.TimeoutException
            || e instanceof org.apache.kafka.common.errors.InterruptException) {
            return;
        }
        refusals.incrementAndGet();
        alarm = "Kafka refuses " + (eventId == null ? "a record" : "event " + eventId) + " of " + model.topic()
                + " for good (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it is retried, in order, "
                + "and nothing stored after it reaches the topic until it goes through";
        LOG.error(alarm);
    }

    /**
     * Waits until the event is on the topic, at most {@code timeout}; false if it is not yet (Kafka away: it stays
     * stored and goes out later). Lets a command answer only when a replica in another service can already see it.
     */
    public boolean awaitPublished(String eventId, java.time.Duration timeout) {
        java.util.concurrent.CompletableFuture<Void> published = new java.util.concurrent.CompletableFuture<>();
        waiting.put(eventId, published);
        try {
            synchronized (recentlyPublished) {
                if (recentlyPublished.contains(eventId)) {
                    return true;
                }
            }
            published.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            waiting.remove(eventId);
        }
    }

    private void published(List<String> eventIds) {
        synchronized (recentlyPublished) {
            recentlyPublished.addAll(eventIds);
        }
        for (String eventId : eventIds) {
            java.util.concurrent.CompletableFuture<Void> waiter = waiting.get(eventId);
            if (waiter != null) {
                waiter.complete(null);
            }
        }
    }

    /** The sends of one batch of the processor, and the ids of the events they carry. */
    private record Batch(List<Future<RecordMetadata>> sends, List<String> eventIds) {
    }

    private Batch pendingBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            // Metadata first: a send that waits for it can fail after later sends of the batch have gone out,
            // which would put an aggregate's events on the topic out of order.
            producer().partitionsFor(model.topic());
            Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
            // acknowledged by Kafka is published: a command waiting for its event answers then, not after the token
            // is stored (if that fails, the batch goes out again and consumers skip what they have)
            unitOfWork.onPrepareCommit(u -> {
                confirm(batch);
                published(batch.eventIds());
                alarm = null;
            });
            return batch;
        });
    }

    private void confirm(Batch batch) {
        long start = System.nanoTime();
        confirmSends(batch);
        acknowledgement.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void confirmSends(Batch batch) {
        producer().flush();
        List<Future<RecordMetadata>> sends = batch.sends();
        for (int i = 0; i < sends.size(); i++) {
            Future<RecordMetadata> send = sends.get(i);
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while confirming sends", e);
            } catch (ExecutionException e) {
                LOG.warnf("Kafka did not acknowledge an event of %s; the batch will be published again: %s",
                        model.topic(), e.getCause().getMessage());
                refusedForGood(e.getCause(), batch.eventIds().get(i));
                reset();
                throw new IllegalStateException("Kafka did not acknowledge the batch", e.getCause());
            }
        }
    }

    private Producer<String, CloudEvent> producer() {
        if (!topicReady) {
            TopicAdmin.ensure(settings, List.of(model.topic()));
            topicReady = true;
        }
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings.producer(model.service() + "-publisher"));
                }
            }
        }
        return producer;
    }

    /** A producer whose batch expired starts over, so that no state of the failed attempt leaks into the retry. */
    private synchronized void reset() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    public void close() {
        reset();
    }
}
