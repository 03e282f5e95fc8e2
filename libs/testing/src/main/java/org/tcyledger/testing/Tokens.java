package org.tcyledger.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * An RSA key pair and real signed JWTs: the services verify them exactly as they verify production tokens.
 * Tests use a fresh pair per JVM; the local stack keeps its pair under {@code deploy/local/.state/}.
 */
public final class Tokens {

    public static final String ISSUER = "https://tcy-ledger.local";
    /** Every service takes only tokens for this audience ({@code mp.jwt.verify.audiences}, libs/eventsourcing). */
    public static final String AUDIENCE = "tcy-ledger";
    /** The scope of the keyholder's token: membership opens contact points for it, nothing else (Roles). */
    public static final String CONTACT_POINTS_SCOPE = "unseal:contact-points";
    /** Who holds the keyholder credential: the projection, which shows contact points. */
    public static final String KEYHOLDER_SUBJECT = "projection";

    private static Tokens forTests;

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private Tokens(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    public static synchronized Tokens forTests() {
        if (forTests == null) {
            try {
                Path directory = Files.createTempDirectory("tcy-test-jwt-");
                directory.toFile().deleteOnExit();
                forTests = generate(directory);
                forTests.publicKeyFile.toFile().deleteOnExit();
                directory.resolve("private.pem").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forTests;
    }

    /** Reads the pair in {@code directory}, or makes one there. */
    public static Tokens inDirectory(Path directory) {
        Path privateFile = directory.resolve("private.pem");
        if (!Files.exists(privateFile)) {
            return generate(directory);
        }
        try {
            String pem = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new Tokens(key, directory.resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Tokens generate(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path publicFile = directory.resolve("public.pem");
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Path privateFile = directory.resolve("private.pem");
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            // only what mints tokens reads it (deploy/local/token, the keyholder minter); the services get public.pem
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            return new Tokens(pair.getPrivate(), publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + kind + "-----\n";
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token for {@code role}, with a subject that names the role (the actor recorded on events). */
    public String token(String role) {
        return token(role + "-user", role, Duration.ofHours(12));
    }

    public String token(String subject, String role, Duration validFor) {
        return claims(subject, role, validFor).audience(AUDIENCE).sign(privateKey);
    }

    /**
     * The projection's keyholder credential: short-lived (whatever mints it renews it before it expires) and scoped
     * to opening contact points.
     */
    public String keyholder(Duration validFor) {
        return claims(KEYHOLDER_SUBJECT, "keyholder", validFor).audience(AUDIENCE)
                .scope(Set.of(CONTACT_POINTS_SCOPE)).sign(privateKey);
    }

    /**
     * The keyholder credential of a stack that lives no longer than this JVM's other tokens (tests, the bench, the
     * chaos suite): 12 hours like them. The local stack and deployments mint one for an hour and renew it.
     */
    public String keyholder() {
        return keyholder(Duration.ofHours(12));
    }

    /** A token like {@link #token(String)} for another audience, or for none ({@code null}): ours must refuse it. */
    public String tokenForAudience(String audience, String role) {
        JwtClaimsBuilder claims = claims(role + "-user", role, Duration.ofHours(12));
        return (audience == null ? claims : claims.audience(audience)).sign(privateKey);
    }

    private static JwtClaimsBuilder claims(String subject, String role, Duration validFor) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(validFor);
    }
}
