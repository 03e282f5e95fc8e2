package org.tcyledger.contracts.wire;

/** Where one aggregate's hash chain ends: its last sequence number and that event's hash. */
public record StreamHead(String subject, long sequence, String hash) {
}
