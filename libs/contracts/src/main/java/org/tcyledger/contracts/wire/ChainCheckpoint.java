package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A write service's signed statement about its own event store ({@code tcy.<context>.ChainCheckpoint.v1}, on the
 * service's topic, in the stream {@link #SUBJECT}): {@code events} stored so far outside this stream, {@code heads}
 * the {@link MerkleHeads} root over every stream head, {@code previous} the hash of the checkpoint before (64 zeros
 * for the first), {@code time} when it was taken. {@code changed} lists the heads that moved since the previous
 * checkpoint, so that a verifier can rebuild every head from the checkpoints alone. {@code signature} is a detached
 * JWS (EdDSA, Ed25519) over the RFC 8785 canonical JSON of {@code {source, events, heads, previous, time}}.
 */
public record ChainCheckpoint(String source, long events, String heads, String previous, String time,
                              List<StreamHead> changed, String signature) {

    /** The stream of a source's checkpoints: no aggregate identifier can take this form. */
    public static final String SUBJECT = "@checkpoints";
    public static final String EVENT_NAME = "ChainCheckpoint";

    public static String wireType(String context) {
        return "tcy." + context + "." + EVENT_NAME + ".v1";
    }

    public static boolean isCheckpoint(String wireType) {
        return wireType != null && wireType.endsWith("." + EVENT_NAME + ".v1");
    }

    /** The bytes the signature covers. */
    public byte[] signedContent() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("source", source);
        content.put("events", events);
        content.put("heads", heads);
        content.put("previous", previous);
        content.put("time", time);
        return CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8);
    }

    public ChainCheckpoint signedWith(CheckpointSignature.Signer signer) {
        return new ChainCheckpoint(source, events, heads, previous, time, changed, signer.sign(signedContent()));
    }
}
