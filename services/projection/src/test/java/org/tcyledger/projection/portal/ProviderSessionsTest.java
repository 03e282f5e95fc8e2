package org.tcyledger.projection.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a session cookie of the identity provider's sign-in names, read back; and what it leaves to the table's users. */
class ProviderSessionsTest {

    private final ProviderSessions sessions = new ProviderSessions();

    private SecurityIdentity restore(String principal) {
        return sessions.authenticate(new TrustedAuthenticationRequest(principal), null).await().indefinitely();
    }

    @Test
    void aSessionNamesThePersonAndOnlyThePortalsRoles() {
        String principal = ProviderSessions.principal("Ana Pérez", Set.of("auditor", "admin", "observer"),
                Instant.now().plus(Duration.ofHours(1)));
        SecurityIdentity identity = restore(principal);
        assertEquals("Ana Pérez", identity.getPrincipal().getName());
        assertEquals(Set.of("auditor", "observer"), identity.getRoles());
        assertEquals(Set.of(), restore(ProviderSessions.principal("nobody", Set.of("admin"),
                Instant.now().plus(Duration.ofHours(1)))).getRoles());
    }

    @Test
    void aSessionEndsAtItsLimitHoweverActive() {
        String ended = ProviderSessions.principal("ana", Set.of("auditor"), Instant.now().minusSeconds(1));
        assertThrows(AuthenticationFailedException.class, () -> restore(ended));
    }

    @Test
    void aUserOfThePasswordFormIsLeftToTheTable() {
        assertNull(restore("portal-secretariat"));
        assertNull(restore("oidc-looking-name"));
    }
}
