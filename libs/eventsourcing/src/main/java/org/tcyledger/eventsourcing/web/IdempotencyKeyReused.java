package org.tcyledger.eventsourcing.web;

/** The same Idempotency-Key was sent with another request: answered 422, nothing stored. */
public class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
