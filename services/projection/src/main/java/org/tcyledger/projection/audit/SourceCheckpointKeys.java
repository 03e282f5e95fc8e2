package org.tcyledger.projection.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.contracts.wire.CheckpointKeys;

/**
 * The public keys the sources sign their checkpoints with, as the deployment lists them
 * ({@code tcy.audit.checkpoint-keys}: JWKS files or URLs such as {@code http://membership:8081/checkpoints/keys}),
 * read again at each verification so that a rotated key is picked up. None configured: every checkpoint is a break.
 */
@ApplicationScoped
public class SourceCheckpointKeys {

    @ConfigProperty(name = "tcy.audit.checkpoint-keys")
    Optional<List<String>> locations;
    @ConfigProperty(name = "tcy.checkpoints.grace", defaultValue = "PT5M")
    Duration grace;

    public Duration grace() {
        return grace;
    }

    public CheckpointKeys load() {
        return CheckpointKeys.read(locations.orElse(List.of()));
    }
}
