package org.tcyledger.eventsourcing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.tcyledger.eventsourcing.CommandOutcome;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.axon.CommandOutcomes;

/**
 * How a REST resource sends a command: with the caller's identity and correlation id as metadata, in a transaction
 * that also stores the answer under its {@code Idempotency-Key}. A key belongs to the principal that used it. A
 * repeat with the same key and the same request is answered from that record and stores nothing; the same key with
 * another request is 422. A repeat that arrives while the first is still running waits for it (a lock on the key,
 * bounded) and is then answered from its record; past the bound it is 409 with Retry-After.
 */
@ApplicationScoped
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** The command's answer: {@code id}, {@code eventId}, {@code sequence}, and what the command derived. */
    public record Answer(int status, Map<String, Object> body) {
    }

    @Inject
    CommandGateway gateway;
    @Inject
    SecurityIdentity identity;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    AxonRuntime axon;
    @Inject
    IdempotencySecret secret;
    @Inject
    MeterRegistry metrics;
    /**
     * Where a command's time goes ({@code tcy_command_stage_seconds{stage=...}}): its transaction (the
     * Idempotency-Key, the aggregate, the events and their hash chain, the commit), and its wait for its event to be
     * on the topic. What a client waits beyond the two is HTTP, the token and JSON.
     */
    private Timer transaction;
    private Timer publication;
    /** The request being answered: its Idempotency-Key, correlation id and route. */
    @Inject
    CommandRequest current;
    /** How long a command's answer waits for its event to be on the topic (0: not at all). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tcy.commands.await-published-ms", defaultValue = "2000")
    long awaitPublishedMs;
    /** How long a repeat waits for the first request with its key to finish before 409 with Retry-After. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tcy.commands.idempotency-wait-ms", defaultValue = "10000")
    long idempotencyWaitMs;

    @jakarta.annotation.PostConstruct
    void timers() {
        transaction = stageTimer("transaction");
        publication = stageTimer("publication");
    }

    private Timer stageTimer(String stage) {
        return Timer.builder("tcy.command.stage").tag("stage", stage)
                .description("a command's transaction, and its wait for its event to be on the topic")
                .register(metrics);
    }

    /**
     * Sends the command a request maps to and answers 201 with what it stored: the {@code Idempotency-Key}, the
     * correlation id and the route (method and path) come from the request itself.
     *
     * @param request the request body as received (or an empty map for a request without one)
     * @param command makes the typed command, inside the transaction
     */
    public Response created(Object request, Supplier<Object> command) {
        return created(request, command, result -> Map.of());
    }

    /** As {@link #created(Object, Supplier)}, with what the command derived added to the answer. */
    public Response created(Object request, Supplier<Object> command, Function<Object, Map<String, Object>> derived) {
        return fromRequest(request, command, 201, derived);
    }

    /** As {@link #created(Object, Supplier)} for a command that changes what exists: 200. */
    public Response applied(Object request, Supplier<Object> command) {
        return fromRequest(request, command, 200, result -> Map.of());
    }

    /** As {@link #applied(Object, Supplier)}, with what the command derived added to the answer. */
    public Response applied(Object request, Supplier<Object> command, Function<Object, Map<String, Object>> derived) {
        return fromRequest(request, command, 200, derived);
    }

    private Response fromRequest(Object request, Supplier<Object> command, int status,
                                 Function<Object, Map<String, Object>> derived) {
        return send(current.idempotencyKey(), current.correlationId(), current.route(), request, command, status,
                derived);
    }

    /**
     * @param route       method and path, part of what an Idempotency-Key is bound to
     * @param request     the request body as received
     * @param command     makes the command to send, inside the transaction (sealing personal data, say)
     * @param status      the status of a success (201 for a creation, 200 otherwise)
     * @param derived     adds what the command derived to the answer, from the handler's result
     */
    private Response send(String idempotencyKey, String correlationId, String route, Object request,
                          Supplier<Object> command, int status, Function<Object, Map<String, Object>> derived) {
        byte[] requestBytes = requestBytes(route, request);
        String requestHash = keyedHash(requestBytes);
        String principal = identity.getPrincipal().getName();
        long start = System.nanoTime();
        Answer answer = QuarkusTransaction.requiringNew().call(() -> {
            boundTransaction();
            if (idempotencyKey != null) {
                lockKey(principal, idempotencyKey);
                Answer earlier = earlierAnswer(principal, idempotencyKey, requestHash, requestBytes);
                if (earlier != null) {
                    return earlier;
                }
            }
            CommandOutcomes.Pending pending = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.get())
                    .andMetaData(metadata(correlationId)));
            CommandOutcome outcome = pending.outcome();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", outcome.aggregateId());
            body.put("eventId", outcome.eventId());
            body.put("sequence", outcome.sequence());
            body.putAll(derived.apply(outcome.result()));
            Answer fresh = new Answer(status, body);
            if (idempotencyKey != null) {
                remember(principal, idempotencyKey, requestHash, fresh);
            }
            return fresh;
        });
        long committed = System.nanoTime();
        transaction.record(committed - start, TimeUnit.NANOSECONDS);
        // Answer once the event is on the topic, so that what the secretariat does next in another service (record an
        // attendance, decide on recommendations) already sees it in that service's replica. Bounded: if Kafka is
        // away, the event is stored and published later, and the answer says so.
        Object eventId = answer.body().get("eventId");
        if (eventId != null && awaitPublishedMs > 0) {
            boolean published = axon.awaitPublished(eventId.toString(), java.time.Duration.ofMillis(awaitPublishedMs));
            publication.record(System.nanoTime() - committed, TimeUnit.NANOSECONDS);
            if (!published) {
                return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body())
                        .header("X-Tcy-Published", "pending").build();
            }
        }
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    private Map<String, Object> metadata(String correlationId) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AxonRuntime.ACTOR, identity.getPrincipal().getName());
        metadata.put(AxonRuntime.CORRELATION_ID, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : correlationId);
        return metadata;
    }

    /** PostgreSQL 17 bounds a whole transaction; before it, each statement and each idle moment in it. */
    private volatile Boolean transactionTimeout;

    /** Cuts this transaction if it stays open longer than {@link AxonRuntime#maxEventTransaction()}. */
    private void boundTransaction() throws SQLException {
        long millis = axon.maxEventTransaction().toMillis();
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement set = connection.createStatement()) {
            if (transactionTimeout == null) {
                transactionTimeout = connection.getMetaData().getDatabaseMajorVersion() >= 17;
            }
            if (transactionTimeout) {
                set.execute("SET LOCAL transaction_timeout = " + millis);
            } else {
                set.execute("SET LOCAL statement_timeout = " + millis / 2);
                set.execute("SET LOCAL idle_in_transaction_session_timeout = " + millis / 2);
            }
        }
    }

    /**
     * Holds the key until this transaction ends, so that a concurrent request with the same key reads this one's
     * answer instead of running the command again (its events would be refused by the key's primary key, a 500).
     */
    private void lockKey(String principal, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement timeout = connection.createStatement();
             PreparedStatement lock = connection.prepareStatement(
                     "SELECT pg_advisory_xact_lock(hashtextextended(? || ' ' || ?, 0))")) {
            timeout.execute("SET LOCAL lock_timeout = " + Math.max(1, Math.min(idempotencyWaitMs,
                    axon.maxEventTransaction().toMillis() / 2)));
            lock.setString(1, principal);
            lock.setString(2, key);
            lock.execute();
            timeout.execute("SET LOCAL lock_timeout = 0");
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new IdempotencyKeyInUse(key);
            }
            throw e;
        }
    }

    /**
     * The answer recorded under the key, if the request is the same. A record made before request hashes were keyed
     * holds the plain SHA-256: it is recognised, and keyed now.
     */
    private Answer earlierAnswer(String principal, String key, String requestHash, byte[] requestBytes)
            throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT request_hash, status, response "
                     + "FROM idempotency_key WHERE principal = ? AND idempotency_key = ?")) {
            select.setString(1, principal);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String recorded = row.getString(1);
                if (!recorded.equals(requestHash)) {
                    if (!recorded.equals(plainHash(requestBytes))) {
                        throw new IdempotencyKeyReused(key);
                    }
                    rekey(connection, principal, key, requestHash);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> body = json.readValue(row.getString(3), LinkedHashMap.class);
                return new Answer(row.getInt(2), body);
            }
        }
    }

    private void remember(String principal, String key, String requestHash, Answer answer)
            throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                     + "(principal, idempotency_key, request_hash, status, response) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, principal);
            insert.setString(2, key);
            insert.setString(3, requestHash);
            insert.setInt(4, answer.status());
            insert.setString(5, json.writeValueAsString(answer.body()));
            insert.executeUpdate();
        }
    }

    private void rekey(Connection connection, String principal, String key, String requestHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE idempotency_key SET request_hash = ? WHERE principal = ? AND idempotency_key = ?")) {
            update.setString(1, requestHash);
            update.setString(2, principal);
            update.setString(3, key);
            update.executeUpdate();
        }
    }

    /** What an Idempotency-Key is bound to: the route and the request as received. */
    private byte[] requestBytes(String route, Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            byte[] routeBytes = (route + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[routeBytes.length + body.length];
            System.arraycopy(routeBytes, 0, all, 0, routeBytes.length);
            System.arraycopy(body, 0, all, routeBytes.length, body.length);
            return all;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 with the service's secret: the table confirms no guess of a body's names and emails. */
    private String keyedHash(byte[] requestBytes) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(secret.key());
            return HexFormat.of().formatHex(hmac.doFinal(requestBytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How records made before the hash was keyed remember their request. */
    private static String plainHash(byte[] requestBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(requestBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
