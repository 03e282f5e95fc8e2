package org.tcyledger.tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens this service has verified, so that a client sending the same token again is not verified again:
 * an RSA signature check was a tenth of membership's CPU per command (the bench's profile). The key is the whole token,
 * signature included, so a changed token is a new one and is verified; a verified token is reused until the earlier of
 * its expiry and {@link #REUSED_FOR} after it was verified, then verified again (and refused once expired). At most
 * {@link #MAX_TOKENS} are kept; beyond that, a new token is verified every time until some expire. Only
 * {@link #parse(String)} is cached, what smallrye-jwt's bearer mechanism calls; every other method is the default
 * parser's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_TOKENS = 1_024;
    static final Duration REUSED_FOR = Duration.ofMinutes(5);
    /** Tokens longer than this are verified every time: with {@link #MAX_TOKENS} it bounds the memory kept. */
    static final int MAX_TOKEN_LENGTH = 8_192;

    private record Verified(JsonWebToken token, long reusableUntilMillis) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final Clock clock;

    /** {@code tcy.tokens.reuse-verified=false}: every token verified on every request (to compare, or to revoke fast). */
    private final boolean reuse;

    @Inject
    public VerifiedTokens(DefaultJWTParser parser,
                          @ConfigProperty(name = "tcy.tokens.reuse-verified", defaultValue = "true") boolean reuse) {
        this(parser, Clock.systemUTC(), reuse);
    }

    VerifiedTokens(JWTParser parser, Clock clock) {
        this(parser, clock, true);
    }

    private VerifiedTokens(JWTParser parser, Clock clock, boolean reuse) {
        this.parser = parser;
        this.clock = clock;
        this.reuse = reuse;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!reuse) {
            return parser.parse(token);
        }
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.reusableUntilMillis()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken parsed = parser.parse(token);
        remember(token, parsed, now);
        return parsed;
    }

    private void remember(String token, JsonWebToken parsed, long now) {
        if (token.length() > MAX_TOKEN_LENGTH || parsed.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(entry -> entry.reusableUntilMillis() <= now);
            if (verified.size() >= MAX_TOKENS) {
                return;
            }
        }
        long until = Math.min(parsed.getExpirationTime() * 1000, now + REUSED_FOR.toMillis());
        if (until > now) {
            verified.put(token, new Verified(parsed, until));
        }
    }

    /** How many verified tokens are kept now. */
    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
