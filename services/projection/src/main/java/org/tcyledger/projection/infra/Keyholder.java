package org.tcyledger.projection.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tcyledger.register.ContactPoints;

/**
 * Opens sealed personal data through membership, which alone holds the people's keys. Unconfigured, nothing is
 * opened and the read model keeps the data sealed. Erased data answers empty, for good. The credential is
 * short-lived: a token file is read again for every opening, so that what renews it (deploy/local/up's minter, the
 * compose minter, the Kubernetes sidecar) is followed without a restart.
 */
@ApplicationScoped
public class Keyholder implements ContactPoints {

    private static final Logger LOG = Logger.getLogger(Keyholder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "tcy.keyholder.url")
    Optional<String> url;
    @ConfigProperty(name = "tcy.keyholder.token")
    Optional<String> configuredToken;
    /** A file holding the token, for deployments that mount it (docker-compose, a Kubernetes Secret). */
    @ConfigProperty(name = "tcy.keyholder.token-file")
    Optional<String> tokenFile;

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the keyholder token from " + file, e);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile boolean warned;

    /** Throws when membership cannot answer now: the consumer retries the event later. */
    @Override
    public Opened open(String personId, String ciphertext) {
        Optional<String> token = configuredToken.or(() -> tokenFile.map(Keyholder::read));
        if (url.isEmpty() || token.isEmpty()) {
            if (!warned) {
                warned = true;
                LOG.warn("tcy.keyholder.url/token are not set: contact points stay sealed in the register");
            }
            return new Opened.Unavailable();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.get() + "/people/" + personId + "/unseal"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("ciphertext", ciphertext))))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> new Opened.Fields(JSON.readValue(response.body(), new TypeReference<Map<String, String>>() {
                }));
                case 410 -> new Opened.Erased();
                // the credential lives an hour and is renewed before then: one that expired is waited for, not parked
                case 401 -> throw new java.io.UncheckedIOException(new IOException("membership refused the keyholder "
                        + "credential (401): expired or not renewed yet; the event is applied once it is"));
                default -> throw new IllegalStateException("membership answered " + response.statusCode()
                        + " to opening the data of " + personId);
            };
        } catch (IOException e) {
            throw new IllegalStateException("membership cannot open personal data now: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
