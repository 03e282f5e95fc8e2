package org.tcyledger.projection.portal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tcyledger.eventsourcing.web.Roles;

/**
 * The portal's users, kept in {@code portal_user} with bcrypt hashes: who may sign in with a password, and with
 * which of the API's roles. The session cookie names the user; every request it carries reads the user again, so a
 * user disabled or removed is signed out at once.
 */
@ApplicationScoped
public class PortalUsers {

    private static final Logger LOG = Logger.getLogger(PortalUsers.class);
    /** The roles a person may hold in the portal: the API's, without the projection's own service identity. */
    static final Set<String> ROLES = Set.of(Roles.SECRETARIAT, Roles.OBSERVER, Roles.AUDITOR, Roles.NETWORK);

    record User(String username, String passwordHash, Set<String> roles) {
    }

    @Inject
    AgroalDataSource dataSource;
    /** A file of {@code username role password} lines (deploy/local/up writes one); its users are added at start. */
    @ConfigProperty(name = "tcy.portal.users-file")
    Optional<Path> usersFile;

    void seed(@Observes StartupEvent start) {
        if (usersFile.isEmpty()) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(usersFile.get());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the portal's users from " + usersFile.get(), e);
        }
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (fields.length != 3 || !Arrays.stream(fields[1].split(",")).allMatch(ROLES::contains)) {
                throw new IllegalStateException("a line of " + usersFile.get() + " is not 'username role[,role] password'");
            }
            save(fields[0], fields[2], fields[1]);
        }
        LOG.infof("portal users from %s are in place", usersFile.get());
    }

    /** Adds the user, or gives it this password and these roles; the password is stored only as a bcrypt hash. */
    void save(String username, String password, String roles) {
        Optional<User> existing = find(username);
        if (existing.isPresent() && BcryptUtil.matches(password, existing.get().passwordHash())
            && existing.get().roles().equals(Set.of(roles.split(",")))) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO portal_user (username, password_hash, "
                     + "roles) VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, "
                     + "roles = EXCLUDED.roles, enabled = true")) {
            upsert.setString(1, username);
            upsert.setString(2, BcryptUtil.bcryptHash(password));
            upsert.setString(3, roles);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the portal user " + username, e);
        }
    }

    Optional<User> find(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT username, password_hash, roles FROM portal_user WHERE username = ? AND enabled")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new User(row.getString(1), row.getString(2), Set.of(row.getString(3).split(","))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the portal's users", e);
        }
    }

    static SecurityIdentity identity(User user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.roles()).build();
    }

    /** A user name and password, from the sign-in form. */
    @ApplicationScoped
    public static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        PortalUsers users;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                String password = new String(request.getPassword().getPassword());
                Optional<User> user = users.find(request.getUsername());
                // a hash is checked even for an unknown name, so that the answer's time does not tell names apart
                String hash = user.map(User::passwordHash).orElse(UNKNOWN_USER_HASH);
                if (!BcryptUtil.matches(password, hash) || user.isEmpty()) {
                    throw new AuthenticationFailedException("wrong user name or password");
                }
                return identity(user.get());
            });
        }

        /**
         * What a sign-in with an unknown name is checked against: the bcrypt hash, at the cost BcryptUtil gives every
         * user's hash, of 32 random bytes that were thrown away, so that no password matches it. A literal: computed
         * when the class was first used, it cost the projection's first HTTP request of every start (the
         * authenticator's beans are made then, on the event loop) a whole bcrypt hash: the first probe took 0.47 to 0.55 s
         * with it and 0.17 to 0.21 s without (two busy cores, AOT cache).
         */
        static final String UNKNOWN_USER_HASH = "$2a$10$1YQOIIaSA.FpelvnN4Q0SO5fOLPtiTR5n7ucCR22s/Sf02S8UbxWW";
    }

    /** The user a valid session cookie names, read again from the table. */
    @ApplicationScoped
    public static class Sessions implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        PortalUsers users;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> users.find(request.getPrincipal()).map(PortalUsers::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("no such portal user")));
        }
    }
}
