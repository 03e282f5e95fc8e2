package org.tcyledger.eventsourcing.personal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data with a key of its own per person (AES-256-GCM, the person's id as associated data) before
 * it goes into an event, and opens it for readers while the key exists. Erasure deletes the key.
 */
@ApplicationScoped
public class PersonalDataVault {

    public static final String ERASED = "[erased]";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IV_BYTES = 12;

    @Inject
    AgroalDataSource dataSource;

    /** Seals {@code fields} for {@code personId}, making the person's key if there is none yet. */
    public String seal(String ownerId, String personId, Map<String, String> fields) {
        try {
            SecretKey key = keyOf(personId).orElseGet(() -> createKey(ownerId, personId));
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(fields));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /** The fields, or empty once the person's data was erased. */
    public Optional<Map<String, String>> open(String personId, String ciphertext) {
        return keyOf(personId).map(key -> {
            try {
                byte[] bytes = Base64.getDecoder().decode(ciphertext);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
                cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
                byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
                return JSON.readValue(plain, new TypeReference<LinkedHashMap<String, String>>() {
                });
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot open personal data of " + personId, e);
            }
        });
    }

    /** Who holds the person's data (the aggregate it was recorded on), while the key exists. */
    public Optional<String> ownerOf(String personId) {
        return query("SELECT owner_id FROM person_key WHERE person_id = ?", personId, row -> row.getString(1));
    }

    /** Destroys the key, in the caller's transaction. */
    public void erase(String personId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM person_key WHERE person_id = ?")) {
            delete.setString(1, personId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase the key of " + personId, e);
        }
    }

    private Optional<SecretKey> keyOf(String personId) {
        return query("SELECT secret FROM person_key WHERE person_id = ?", personId,
                row -> new SecretKeySpec(row.getBytes(1), "AES"));
    }

    private SecretKey createKey(String ownerId, String personId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO person_key (person_id, owner_id, secret) VALUES (?, ?, ?)")) {
                insert.setString(1, personId);
                insert.setString(2, ownerId);
                insert.setBytes(3, key.getEncoded());
                insert.executeUpdate();
            }
            return key;
        } catch (GeneralSecurityException | SQLException e) {
            throw new IllegalStateException("cannot create a key for " + personId, e);
        }
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> Optional<T> query(String sql, String personId, Row<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, personId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key of " + personId, e);
        }
    }
}
