package org.tcyledger.eventsourcing.consumer;

/** A replica could not reach the topic's end in time: the command is answered 503 with Retry-After, nothing stored. */
public class ReplicaNotCaughtUp extends RuntimeException {
    public ReplicaNotCaughtUp(String message) {
        super(message);
    }
}
