package org.tcyledger.eventsourcing.web;

/** A request whose shape is wrong in a way only the handler can see (a field this case needs): 400, nothing stored. */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
