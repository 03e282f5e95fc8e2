package org.tcyledger.projection.portal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A key for the session cookies when none is configured: random, made once per process, so that nothing secret is
 * committed; sessions then end when the service restarts. With several replicas, or to keep sessions across
 * restarts, set {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} (at least 32 characters). Any configured value wins
 * (this source has the lowest ordinal).
 */
public class SessionKeyDefault implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private static final String RANDOM_KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        RANDOM_KEY = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, RANDOM_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? RANDOM_KEY : null;
    }

    @Override
    public String getName() {
        return "tcy-portal-session-key-default";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
