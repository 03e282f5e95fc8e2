package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * JWS with a detached payload (RFC 7515 appendix F): {@code BASE64URL(header) + ".." + BASE64URL(signature)}, the
 * header {@code {"alg":"EdDSA","kid":…}}, the signing input {@code BASE64URL(header) + "." + BASE64URL(content)}.
 */
public final class CheckpointSignature {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private CheckpointSignature() {
    }

    /** A private key and its kid. */
    public record Signer(String kid, PrivateKey key) {
        public String sign(byte[] content) {
            String header = B64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(key);
                ed25519.update(signingInput(header, content));
                return header + ".." + B64.encodeToString(ed25519.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a checkpoint", e);
            }
        }
    }

    /** The kid in a detached JWS's header, if it reads. */
    public static Optional<String> kidOf(String jws) {
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts(jws)[0]));
            return "EdDSA".equals(header.path("alg").asText()) && header.hasNonNull("kid")
                    ? Optional.of(header.get("kid").asText()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code jws} is a valid EdDSA signature of {@code content} by {@code key}. */
    public static boolean verifies(String jws, byte[] content, PublicKey key) {
        try {
            String[] parts = parts(jws);
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signingInput(parts[0], content));
            return ed25519.verify(Base64.getUrlDecoder().decode(parts[1]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String[] parts(String jws) {
        int at = jws == null ? -1 : jws.indexOf("..");
        if (at < 1 || jws.indexOf('.', at + 2) >= 0) {
            throw new IllegalArgumentException("not a detached JWS");
        }
        return new String[] {jws.substring(0, at), jws.substring(at + 2)};
    }

    private static byte[] signingInput(String header, byte[] content) {
        return (header + "." + B64.encodeToString(content)).getBytes(StandardCharsets.US_ASCII);
    }
}
