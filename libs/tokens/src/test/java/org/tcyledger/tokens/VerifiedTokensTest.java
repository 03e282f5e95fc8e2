package org.tcyledger.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.Tokens;

/** Tokens verified by the real parser with the real key; the cache only spares repeating a verification that held. */
class VerifiedTokensTest {

    private static final Tokens TOKENS = Tokens.forTests();

    /** smallrye-jwt's parser as the services configure it, counting the verifications it does. */
    private static JWTParser counted(AtomicInteger verifications) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyLocation(TOKENS.publicKeyFile().toUri().toString());
        context.setIssuedBy(Tokens.ISSUER);
        context.setExpectedAudience(Set.of(Tokens.AUDIENCE));
        context.setExpGracePeriodSecs(0);
        context.setClockSkew(0);
        JWTParser real = new DefaultJWTParser(context);
        return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("parse")) {
                        verifications.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() throws ParseException {
        AtomicInteger verifications = new AtomicInteger();
        VerifiedTokens tokens = new VerifiedTokens(counted(verifications), Clock.systemUTC());
        String secretariat = TOKENS.token("secretariat");
        assertEquals(Set.of("secretariat"), tokens.parse(secretariat).getGroups());
        assertEquals(Set.of("secretariat"), tokens.parse(secretariat).getGroups());
        assertEquals(1, verifications.get());
        tokens.parse(TOKENS.token("observer"));
        assertEquals(2, verifications.get(), "another token is verified");
    }

    @Test
    void aChangedSignatureIsVerifiedAndRefusedEvenAfterTheGenuineTokenWasKept() throws ParseException {
        AtomicInteger verifications = new AtomicInteger();
        VerifiedTokens tokens = new VerifiedTokens(counted(verifications), Clock.systemUTC());
        String genuine = TOKENS.token("auditor");
        tokens.parse(genuine);
        int cut = genuine.lastIndexOf('.') + 5;
        String forged = genuine.substring(0, cut) + (genuine.charAt(cut) == 'A' ? 'B' : 'A') + genuine.substring(cut + 1);
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        String otherClaims = TOKENS.token("secretariat");
        String spliced = otherClaims.substring(0, otherClaims.lastIndexOf('.')) + genuine.substring(genuine.lastIndexOf('.'));
        assertThrows(ParseException.class, () -> tokens.parse(spliced), "the auditor's signature on other claims");
        assertEquals(1, tokens.size(), "what failed is not kept");
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterFiveMinutesAndRefusedOnceExpired() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(counted(verifications), clock);
        String hourLong = TOKENS.token("observer-1", "observer", Duration.ofHours(1));
        tokens.parse(hourLong);
        clock.advance(Duration.ofMinutes(4));
        tokens.parse(hourLong);
        assertEquals(1, verifications.get());
        clock.advance(Duration.ofMinutes(2));
        tokens.parse(hourLong);
        assertEquals(2, verifications.get(), "reused for five minutes at most");

        // a token kept until its expiry is refused after it, as the parser refuses it
        String brief = TOKENS.token("observer-2", "observer", Duration.ofSeconds(2));
        VerifiedTokens real = new VerifiedTokens(counted(verifications), Clock.systemUTC());
        real.parse(brief);
        Thread.sleep(2_500);
        assertThrows(ParseException.class, () -> real.parse(brief));
    }
}
