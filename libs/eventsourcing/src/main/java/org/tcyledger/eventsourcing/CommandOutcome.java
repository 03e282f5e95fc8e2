package org.tcyledger.eventsourcing;

/**
 * What a command did: the aggregate it touched, the id and sequence of the last event it stored, and whatever
 * its handler returned (a derived value such as an entry-into-force date). {@code eventId} is null when the
 * command stored nothing.
 */
public record CommandOutcome(String aggregateId, String eventId, Long sequence, Object result) {
}
