package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys that checkpoints are verified with, as a JWKS ({@code kty OKP}, {@code crv Ed25519}). A key's
 * {@code kid} is {@code <service>/<first 16 hex of the SHA-256 of the raw public key>}: a verifier accepts a
 * checkpoint of {@code /tcy/<service>} only under a key of that service, so one service's key cannot vouch for
 * another's record.
 */
public final class CheckpointKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Map<String, PublicKey> byKid;

    private CheckpointKeys(Map<String, PublicKey> byKid) {
        this.byKid = Map.copyOf(byKid);
    }

    public static CheckpointKeys of(Map<String, PublicKey> byKid) {
        return new CheckpointKeys(byKid);
    }

    /** Reads a JWKS document; keys of other types are ignored. */
    public static CheckpointKeys parse(byte[] jwks) {
        try {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (JsonNode key : JSON.readTree(jwks).path("keys")) {
                if ("OKP".equals(key.path("kty").asText()) && "Ed25519".equals(key.path("crv").asText())) {
                    keys.put(key.path("kid").asText(), publicKey(Base64.getUrlDecoder().decode(key.path("x").asText())));
                }
            }
            return new CheckpointKeys(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JWKS document", e);
        }
    }

    /** The keys at each location, a JWKS file or an http(s) URL such as a service's {@code /checkpoints/keys}. */
    public static CheckpointKeys read(java.util.List<String> locations) {
        CheckpointKeys keys = of(Map.of());
        for (String location : locations) {
            keys = keys.and(parse(fetch(location.trim())));
        }
        return keys;
    }

    private static byte[] fetch(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newBuilder()
                        .connectTimeout(java.time.Duration.ofSeconds(3)).build()
                        .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location))
                                .timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(location + " answered " + answer.statusCode());
                }
                return answer.body();
            }
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(location.startsWith("file:")
                    ? java.net.URI.create(location).getPath() : location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint keys at " + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** These keys and those, as one set. */
    public CheckpointKeys and(CheckpointKeys other) {
        Map<String, PublicKey> all = new LinkedHashMap<>(byKid);
        all.putAll(other.byKid);
        return new CheckpointKeys(all);
    }

    public Optional<PublicKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    public Collection<String> kids() {
        return byKid.keySet();
    }

    public boolean isEmpty() {
        return byKid.isEmpty();
    }

    /** The JWKS document of these keys. */
    public String toJson() {
        ArrayNode keys = JsonNodeFactory.instance.arrayNode();
        byKid.forEach((kid, key) -> {
            ObjectNode jwk = keys.addObject();
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("use", "sig");
            jwk.put("alg", "EdDSA");
            jwk.put("kid", kid);
            jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw(key)));
        });
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("keys", keys);
        return document.toString();
    }

    /** The kid of a service's key. */
    public static String kidOf(String service, PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw(key));
            return service + "/" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a kid names a key of the service whose CloudEvents source is {@code source} ({@code /tcy/<service>}). */
    public static boolean belongsTo(String kid, String source) {
        return kid != null && source.startsWith("/tcy/") && kid.startsWith(source.substring("/tcy/".length()) + "/");
    }

    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + 32
            || !Arrays.equals(X509_PREFIX, Arrays.copyOf(encoded, X509_PREFIX.length))) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** An Ed25519 private key from a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKeyFromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 PEM Ed25519 private key", e);
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no call for it, but its key generator takes the private
     * key's 32 bytes from the random source it is given: fed exactly those bytes, it derives the same public key.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof java.security.interfaces.EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().get();
        java.security.SecureRandom replay = new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(java.security.spec.NamedParameterSpec.ED25519, replay);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + kind + "-----\n";
    }
}
