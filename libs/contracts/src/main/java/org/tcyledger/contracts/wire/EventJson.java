package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of an event's {@code data}, as stored and published: record components by name, null fields written as
 * null, dates as ISO-8601 text ({@code 2004-07-01}, {@code 2026-11-30T12:00:00Z}), enums by name, no type
 * information. Reading ignores fields it does not know, so that an additive field never breaks an older reader.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
