package org.tcyledger.eventsourcing.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's unit of work joins the JTA transaction of the caller (a REST command that also stores its
 * Idempotency-Key), or begins one of its own (the tracking processor). Agroal enlists every connection taken
 * inside it, so events, hash chain, tokens and read-model rows commit or roll back together.
 */
public final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_NO_TRANSACTION) {
                jta.begin();
                return new Owned();
            }
            return new Joined();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a JTA transaction", e);
        }
    }

    private final class Owned implements Transaction {
        @Override
        public void commit() {
            try {
                jta.commit();
            } catch (Exception e) {
                throw new IllegalStateException("commit failed", e);
            }
        }

        @Override
        public void rollback() {
            try {
                jta.rollback();
            } catch (SystemException e) {
                throw new IllegalStateException("rollback failed", e);
            }
        }
    }

    /** The caller owns the transaction: commit is theirs, a rollback marks it so that it cannot commit. */
    private final class Joined implements Transaction {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
            try {
                jta.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("cannot mark the transaction for rollback", e);
            }
        }
    }
}
