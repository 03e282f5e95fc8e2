package org.tcyledger.eventsourcing.web;

/** A request with this key is still running and did not finish within the wait: 409, retry later. */
public class IdempotencyKeyInUse extends RuntimeException {

    public IdempotencyKeyInUse(String key) {
        super("A request with Idempotency-Key '" + key + "' is still running; retry to get its answer");
    }
}
