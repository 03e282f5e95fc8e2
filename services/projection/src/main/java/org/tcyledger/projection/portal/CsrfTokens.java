package org.tcyledger.projection.portal;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the portal's forms, by double submission: the token is in an {@code HttpOnly}, {@code
 * SameSite=Strict} cookie and in a hidden field of the form; a post whose field does not equal its cookie is refused
 * before anything else is read. (quarkus-rest-csrf does the same; it is not served for this Quarkus version.) The
 * API's requests carry no such cookie and are never checked: their credential is a bearer token.
 */
final class CsrfTokens {

    static final String COOKIE = "tcy-csrf";
    static final String FIELD = "csrf-token";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The token a form gets: the one its cookie already holds, or a new one. */
    static String forForm(String cookie) {
        if (wellFormed(cookie)) {
            return cookie;
        }
        byte[] token = new byte[BYTES];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Whether a post's field carries the token of its cookie (compared in constant time). */
    static boolean matches(String cookie, String field) {
        return wellFormed(cookie) && field != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
