package org.tcyledger.eventsourcing.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.CheckpointSignature;
import org.tcyledger.eventsourcing.WriteModel;

/**
 * This write service's checkpoint key: the Ed25519 private key in {@code tcy.checkpoints.key-file} (PKCS#8 PEM, made
 * by deploy/local/up or the deployment's key job, mounted into this service alone; tests may name a directory of
 * keys instead, {@code tcy.checkpoints.key-dir}, where it takes {@code <service>.pem}), and the public keys auditors
 * verify with: its own, and those it signed with before ({@code tcy.checkpoints.retired-keys}, a JWKS file).
 */
@ApplicationScoped
public class CheckpointKey {

    @ConfigProperty(name = "tcy.checkpoints.key-file")
    Optional<String> keyFile;
    @ConfigProperty(name = "tcy.checkpoints.key-dir")
    Optional<String> keyDir;
    @ConfigProperty(name = "tcy.checkpoints.retired-keys")
    Optional<String> retiredKeys;
    @Inject
    Instance<WriteModel> writeModel;

    private volatile CheckpointSignature.Signer signer;
    /** Derived once with the signer, not at every read of the keys. */
    private volatile PublicKey publicKey;

    /** The signer; throws with what to configure when there is no key. */
    public CheckpointSignature.Signer signer() {
        if (signer == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = load();
                }
            }
        }
        return signer;
    }

    private CheckpointSignature.Signer load() {
        String service = writeModel.get().service();
        String file = keyFile.or(() -> keyDir.map(dir -> Path.of(dir, service + ".pem").toString())).orElseThrow(() -> new IllegalStateException("tcy.checkpoints.key-file is not set: a write "
                + "service signs checkpoints of its store with its own Ed25519 key (PKCS#8 PEM); deploy/local/up and the "
                + "deployment's key job make one"));
        try {
            PrivateKey key = CheckpointKeys.privateKeyFromPem(Files.readString(Path.of(file)));
            publicKey = CheckpointKeys.publicKeyOf(key);
            return new CheckpointSignature.Signer(CheckpointKeys.kidOf(service, publicKey), key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint key " + file, e);
        }
    }

    /** Every key this service's checkpoints verify with, as a JWKS. */
    public CheckpointKeys publicKeys() {
        signer();
        CheckpointKeys own = CheckpointKeys.of(Map.of(signer.kid(), publicKey));
        return retiredKeys.map(file -> {
            try {
                return CheckpointKeys.parse(Files.readAllBytes(Path.of(file))).and(own);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the retired checkpoint keys " + file, e);
            }
        }).orElse(own);
    }
}
