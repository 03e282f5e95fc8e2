package org.tcyledger.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * An aggregate's {@code /events} answer (as an auditor receives it over REST) turned back into the contract's
 * envelopes, so that a test verifies the chain with the same {@code ChainVerifier} an auditor would use.
 */
public final class AuditedStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditedStream() {
    }

    public static List<EventEnvelope> of(String source, List<Map<String, Object>> events) {
        return events.stream().map(event -> new EventEnvelope((String) event.get("id"), source,
                (String) event.get("type"), (String) event.get("subject"), ((Number) event.get("sequence")).longValue(),
                Instant.parse((String) event.get("time")), (String) event.get("actor"), null, null,
                (String) event.get("prevhash"), (String) event.get("hash"), null, data(event.get("data")))).toList();
    }

    private static byte[] data(Object data) {
        try {
            return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
