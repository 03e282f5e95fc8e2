package org.tcyledger.eventsourcing.web;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key of the HMAC-SHA256 with which an idempotency record remembers its request. Request bodies carry names and
 * emails; a plain hash of one lets whoever reads the table confirm a guess ("was Jaan Tamm appointed?"), so the hash
 * is keyed with a secret of the service.
 * <p>
 * {@code tcy.idempotency.hmac-key} (base64, at least 32 bytes) is the secret when configured: kept apart from the
 * database, a copy of the database alone confirms nothing. When it is not configured, the service makes a random
 * secret once and keeps it in its own database ({@code idempotency_secret}), shared by all its instances. That still
 * stops a leak of the idempotency table alone (a log, an export, a replica of one table) and makes records of two
 * services incomparable, but not a thief of the whole database, who takes the secret with it: configure the key where
 * that matters. Changing the key makes earlier records' hashes unknown: a repeat of such a request is then refused
 * (422) as another request, so change it only when no retry of an older request is expected.
 */
@ApplicationScoped
public class IdempotencySecret {

    private static final int MINIMUM_BYTES = 32;

    @ConfigProperty(name = "tcy.idempotency.hmac-key")
    Optional<String> configured;
    @Inject
    AgroalDataSource dataSource;

    private volatile SecretKeySpec key;

    SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] secret = configured.filter(value -> !value.isBlank()).map(IdempotencySecret::decoded)
                    .orElseGet(this::keptInTheDatabase);
            known = new SecretKeySpec(secret, "HmacSHA256");
            key = known;
        }
        return known;
    }

    private static byte[] decoded(String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tcy.idempotency.hmac-key is not base64", e);
        }
        if (secret.length < MINIMUM_BYTES) {
            throw new IllegalStateException("tcy.idempotency.hmac-key has " + secret.length + " bytes; it needs at least "
                                            + MINIMUM_BYTES);
        }
        return secret;
    }

    /** Made by the first instance that needs it; every other instance reads the same one. */
    private byte[] keptInTheDatabase() {
        byte[] fresh = new byte[MINIMUM_BYTES];
        new SecureRandom().nextBytes(fresh);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM idempotency_secret WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or make the service's idempotency secret", e);
        }
    }
}
