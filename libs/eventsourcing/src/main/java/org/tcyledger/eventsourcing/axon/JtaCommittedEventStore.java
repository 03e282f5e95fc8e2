package org.tcyledger.eventsourcing.axon;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The embedded event store, woken when the events are visible. Axon wakes its reader when its unit of work commits,
 * but that unit of work only joins the JTA transaction of the request, which commits after it: woken then, the
 * reader found nothing and slept its fetch delay, and every command waited for it before its event was published.
 * Here the wake-up waits for the JTA commit; without a transaction it happens at once, as in Axon.
 */
final class JtaCommittedEventStore extends EmbeddedEventStore {

    private final TransactionSynchronizationRegistry transactions;

    JtaCommittedEventStore(Builder builder, TransactionSynchronizationRegistry transactions) {
        super(builder);
        this.transactions = transactions;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            super.afterCommit(events);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    JtaCommittedEventStore.super.afterCommit(events);
                }
            }
        });
    }
}
