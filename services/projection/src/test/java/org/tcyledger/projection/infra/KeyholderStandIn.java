package org.tcyledger.projection.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Stands in for membership's {@code POST /people/{id}/unseal} on loopback: the "ciphertext" of these tests is the
 * fields' JSON in base64 ({@link #sealed}). Once a person is erased nothing asks it again: the register drops the
 * data. Tests that need contact points opened run with {@link Profile}.
 */
public final class KeyholderStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpServer SERVER = start();

    private KeyholderStandIn() {
    }

    /** The keyholder configured to be this stand-in. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcy.keyholder.url", url(), "tcy.keyholder.token", "keyholder-of-the-tests");
        }
    }

    /** What this stand-in opens back into {@code fields}. */
    public static String sealed(Map<String, String> fields) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/people/", exchange -> {
                try (exchange) {
                    // {"ciphertext":"…"}: base64 needs no unescaping, and this class needs nothing but the JDK
                    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String ciphertext = request.replaceAll("(?s).*\"ciphertext\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                    byte[] body = Base64.getDecoder().decode(ciphertext);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (Throwable e) {
                    e.printStackTrace();
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }
}
