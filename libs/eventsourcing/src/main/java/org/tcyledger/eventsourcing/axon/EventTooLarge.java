package org.tcyledger.eventsourcing.axon;

/** A command's event would not fit a record of its topic: refused (413) before anything is stored. */
public class EventTooLarge extends RuntimeException {

    public EventTooLarge(String type, int bytes, int limit) {
        super("The event " + type + " would take " + bytes + " bytes; a topic's record takes at most " + limit);
    }
}
