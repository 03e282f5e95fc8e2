package org.tcyledger.projection.portal;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal sessions of the people an identity provider signed in (IdentityProviderSignIn). Such a person is in no
 * table: the session cookie itself names the person, the portal roles and the moment the session ends at the latest
 * (the cookie is encrypted and authenticated with the sessions' key, so none of it can be altered). A session of the
 * password form names a user of PortalUsers, whose name has no space: it is left to PortalUsers.Sessions.
 */
@ApplicationScoped
public class ProviderSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    /** {@code oidc <end, epoch seconds> <role,role> <name>}. */
    private static final Pattern SESSION = Pattern.compile("oidc (\\d+) ([a-z,]*) (.+)", Pattern.DOTALL);

    /** What the session cookie of a person the provider signed in names: only the portal's roles are kept. */
    static String principal(String user, Set<String> roles, Instant end) {
        return "oidc " + end.getEpochSecond() + " " + roles.stream().filter(PortalUsers.ROLES::contains)
                .sorted().collect(Collectors.joining(",")) + " " + user;
    }

    static SecurityIdentity identity(String principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).build();
    }

    /** Before PortalUsers.Sessions, which has the default priority (1001) and refuses any name not in its table. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        Matcher session = SESSION.matcher(request.getPrincipal());
        if (!session.matches()) {
            return Uni.createFrom().nullItem();
        }
        if (Instant.now().isAfter(Instant.ofEpochSecond(Long.parseLong(session.group(1))))) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the session of the identity provider's sign-in has ended"));
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(session.group(3)));
        Arrays.stream(session.group(2).split(",")).filter(PortalUsers.ROLES::contains).forEach(identity::addRole);
        return Uni.createFrom().item(identity.build());
    }
}
