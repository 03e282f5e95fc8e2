package org.tcyledger.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange as a client sees it: an answer, or no answer at all (a refused or reset connection, a timeout),
 * which is a different thing from a 5xx and is counted apart.
 */
final class Http {

    /** {@code status} 0: no answer ({@code error} says why). */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers, String error) {
        boolean answered() {
            return status > 0;
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String brief() {
            String text = answered() ? body : error;
            text = text == null ? "" : text.replaceAll("\\s+", " ");
            return (answered() ? status + " " : "no answer: ") + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    Answer send(String method, String url, String token, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                 : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map(), null);
        } catch (IOException e) {
            return new Answer(0, null, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, Map.of(), "interrupted");
        }
    }

    Answer get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    Answer post(String url, String token, String body) {
        return send("POST", url, token, body, Map.of());
    }
}
