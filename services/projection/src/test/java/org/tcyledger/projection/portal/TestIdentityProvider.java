package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small but real OpenID Connect provider on loopback, for the tests only: discovery, its JSON Web Key Set, an
 * authorization endpoint that signs in whoever the test names ({@link #signsInAs}) without asking, and a token
 * endpoint that checks the code, the redirect and the client's secret and answers an ID token signed with its own
 * RSA key. The projection runs against it with {@link Profile}, exactly as against an organisation's provider.
 */
final class TestIdentityProvider {

    static final String CLIENT_ID = "tcy-portal-test";
    static final String CLIENT_SECRET = "the-portal-client-secret-of-the-tests";
    static final String NAME = "Test Directory";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = keys();
    private static final String KEY_ID = "test-key-1";
    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    /** The test and the application see this class in two class loaders: they share one server through these. */
    private static final String PORT = "tcy.test.identity-provider.port";
    private static final String NEXT = "tcy.test.identity-provider.next";
    private static final int SERVER_PORT = port();

    record Person(String username, List<String> roles) {
    }

    private record Grant(Person person, String redirectUri) {
    }

    private TestIdentityProvider() {
    }

    /** The provider configured for the portal, with realm roles (Keycloak's claim) mapped to the portal's. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcy.portal.oidc.issuer", issuer(), "tcy.portal.oidc.name", NAME,
                    "tcy.portal.oidc.client-id", CLIENT_ID, "tcy.portal.oidc.client-secret", CLIENT_SECRET,
                    "tcy.portal.oidc.roles-claim", "realm_access/roles",
                    "tcy.portal.oidc.roles", "tcy-auditor=auditor, tcy-observer=observer");
        }
    }

    /** The next visit to the authorization endpoint signs in this person with these roles of the provider. */
    static void signsInAs(String username, String... roles) {
        System.setProperty(NEXT, username + " " + String.join(",", roles));
    }

    private static Person next() {
        String[] next = System.getProperty(NEXT, "nobody ").split(" ", 2);
        return new Person(next[0], next[1].isEmpty() ? List.of() : List.of(next[1].split(",")));
    }

    static String issuer() {
        return "http://127.0.0.1:" + SERVER_PORT + "/realms/test";
    }

    private static synchronized int port() {
        synchronized (System.class) {
            if (System.getProperty(PORT) == null) {
                System.setProperty(PORT, String.valueOf(start().getAddress().getPort()));
            }
            return Integer.parseInt(System.getProperty(PORT));
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/test/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath().substring("/realms/test".length());
                    switch (path) {
                        case "/.well-known/openid-configuration" -> json(exchange, 200, Map.of("issuer", issuer(),
                                "authorization_endpoint", issuer() + "/auth", "token_endpoint", issuer() + "/token",
                                "jwks_uri", issuer() + "/certs", "response_types_supported", List.of("code"),
                                "subject_types_supported", List.of("public"),
                                "id_token_signing_alg_values_supported", List.of("RS256")));
                        case "/certs" -> json(exchange, 200, Map.of("keys", List.of(jwk())));
                        case "/auth" -> authorize(exchange);
                        case "/token" -> token(exchange);
                        default -> json(exchange, 404, Map.of("error", "not_found"));
                    }
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

    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
            || query.get("redirect_uri") == null) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = HexFormat.of().formatHex(random(16));
        CODES.put(code, new Grant(next(), query.get("redirect_uri")));
        String redirect = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code="
                + code + (query.containsKey("state") ? "&state=" + URLEncoder.encode(query.get("state"),
                StandardCharsets.UTF_8) : "");
        exchange.getResponseHeaders().add("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean client = basic != null && basic.equals("Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                || CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
        Grant grant = body.get("code") == null ? null : CODES.remove(body.get("code"));
        if (!client) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (!"authorization_code".equals(body.get("grant_type")) || grant == null
            || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = Map.of("iss", issuer(), "sub", "sub-" + grant.person().username(),
                "aud", CLIENT_ID, "iat", now, "exp", now + 300, "preferred_username", grant.person().username(),
                "realm_access", Map.of("roles", grant.person().roles()));
        String idToken = signed(claims);
        String accessToken = signed(Map.of("iss", issuer(), "sub", "sub-" + grant.person().username(),
                "aud", CLIENT_ID, "iat", now, "exp", now + 300));
        json(exchange, 200, Map.of("access_token", accessToken, "id_token", idToken, "token_type", "Bearer",
                "expires_in", 300));
    }

    /** A JWS (RS256) with the JDK alone: smallrye-jwt-build would read the application's configuration. */
    private static String signed(Map<String, Object> claims) throws IOException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String content = url.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)))
                + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + url.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256",
                "n", url.encodeToString(unsigned(key.getModulus().toByteArray())),
                "e", url.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> fields.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return fields;
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
