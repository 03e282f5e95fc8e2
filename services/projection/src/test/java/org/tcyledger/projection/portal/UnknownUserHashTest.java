package org.tcyledger.projection.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

/**
 * The hash a sign-in with an unknown name is checked against is a literal; these are the properties it must keep for
 * an unknown name to cost what a known one costs and to let nobody in.
 */
class UnknownUserHashTest {

    @Test
    void costsWhatAUsersHashCosts() {
        String usersHash = BcryptUtil.bcryptHash("a user's password");
        assertEquals(costOf(usersHash), costOf(PortalUsers.Passwords.UNKNOWN_USER_HASH),
                "an unknown name would answer faster than a known one with a wrong password");
        assertEquals(usersHash.substring(0, 4), PortalUsers.Passwords.UNKNOWN_USER_HASH.substring(0, 4));
    }

    @Test
    void matchesNoLikelyPassword() {
        for (String password : new String[] {"", "no such user", "password", "secretariat", "observer", "auditor"}) {
            assertFalse(BcryptUtil.matches(password, PortalUsers.Passwords.UNKNOWN_USER_HASH), password);
        }
    }

    /** The cost of a modular-crypt bcrypt hash: {@code $2a$10$...} costs 10. */
    private static int costOf(String hash) {
        String[] fields = hash.split("\\$");
        return Integer.parseInt(fields[2]);
    }
}
