package org.tcyledger.projection.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public Duration grace() {
        return grace;
    }

    public CheckpointKeys load() {
        CheckpointKeys keys = CheckpointKeys.of(java.util.Map.of());
        for (String location : locations.orElse(List.of())) {
            keys = keys.and(CheckpointKeys.parse(read(location.trim())));
        }
        return keys;
    }

    private byte[] read(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(location + " answered " + answer.statusCode());
                }
                return answer.body();
            }
            return Files.readAllBytes(Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint keys at " + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
