package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The per-aggregate hash chain: {@code hash = SHA-256(prevhash || canonical)}, where {@code prevhash} is the previous
 * event's hash as 64 lower-case hex characters (64 zeros for the first event) and {@code canonical} is the UTF-8 of
 * the RFC 8785 canonical JSON of {@code {type, subject, sequence, time, actor, data}}. A verifier needs no key:
 * personal data inside {@code data} is hashed as the ciphertext that was stored.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String of(String prevhash, String type, String subject, long sequence, Instant time, String actor,
                            byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevhash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical(type, subject, sequence, time, actor, data));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] canonical(String type, String subject, long sequence, Instant time, String actor, byte[] data) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("type", type);
        content.put("subject", subject);
        content.put("sequence", sequence);
        content.put("time", rfc3339Micros(time));
        content.put("actor", actor);
        content.set("data", parse(data));
        return CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8);
    }

    public static String rfc3339Micros(Instant time) {
        return MICROS.format(time.truncatedTo(ChronoUnit.MICROS));
    }

    private static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON", e);
        }
    }
}
