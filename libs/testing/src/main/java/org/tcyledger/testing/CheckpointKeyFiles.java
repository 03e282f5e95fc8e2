package org.tcyledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.CheckpointSignature;

/**
 * Real Ed25519 checkpoint keys for the write services, a fresh set per test JVM, or kept in a directory (the local
 * stack's): {@code <service>.pem} for each service and {@code jwks.json} with every public key, as the deployment's
 * key job makes them. Tests give the services the directory ({@code tcy.checkpoints.key-dir}); a deployment mounts
 * each service's file into that service alone.
 */
public final class CheckpointKeyFiles {

    public static final List<String> WRITE_SERVICES = List.of("membership", "meetings", "assessments", "cloud-evidence");

    private static CheckpointKeyFiles forTests;

    private final Path directory;
    private final Map<String, CheckpointSignature.Signer> signers;

    private CheckpointKeyFiles(Path directory, Map<String, CheckpointSignature.Signer> signers) {
        this.directory = directory;
        this.signers = signers;
    }

    public static synchronized CheckpointKeyFiles forTests() {
        if (forTests == null) {
            try {
                Path directory = Files.createTempDirectory("tcy-test-checkpoint-keys-");
                forTests = inDirectory(directory);
                try (var files = Files.list(directory)) {
                    files.forEach(file -> file.toFile().deleteOnExit());
                }
                directory.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forTests;
    }

    /** Reads the keys in {@code directory}, making those that are missing, and writes {@code jwks.json}. */
    public static CheckpointKeyFiles inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Map<String, CheckpointSignature.Signer> signers = new LinkedHashMap<>();
            Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
            for (String service : WRITE_SERVICES) {
                Path file = directory.resolve(service + ".pem");
                if (!Files.exists(file)) {
                    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                    Files.writeString(file, CheckpointKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                }
                var key = CheckpointKeys.privateKeyFromPem(Files.readString(file));
                PublicKey publicKey = CheckpointKeys.publicKeyOf(key);
                String kid = CheckpointKeys.kidOf(service, publicKey);
                signers.put(service, new CheckpointSignature.Signer(kid, key));
                publicKeys.put(kid, publicKey);
            }
            Files.writeString(directory.resolve("jwks.json"), CheckpointKeys.of(publicKeys).toJson());
            return new CheckpointKeyFiles(directory, signers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path keyFile(String service) {
        return directory.resolve(service + ".pem");
    }

    /** Every public key, as a JWKS file. */
    public Path jwks() {
        return directory.resolve("jwks.json");
    }

    public CheckpointSignature.Signer signer(String service) {
        return signers.get(service);
    }

    /** {@code deploy/local/up}: makes the local stack's keys once, under the directory given. */
    public static void main(String[] args) {
        CheckpointKeyFiles keys = inDirectory(Path.of(args[0]));
        System.out.println(keys.jwks());
    }
}
