package org.tcyledger.projection.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie of Quarkus's form authentication, issued by the portal's own sign-in (which checks the CSRF
 * token first, as Quarkus's post location cannot) and read back by the form mechanism on every portal request: the
 * same cookie name, key and lifetimes as {@code quarkus.http.auth.form.*} and {@code quarkus.http.auth.session.*}.
 * {@code Secure} when the request came over TLS.
 */
@Singleton
public class SessionCookie {

    private final PersistentLoginManager manager;

    SessionCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
                  @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String name,
                  @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
                  @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration renewal,
                  @ConfigProperty(name = "quarkus.http.auth.form.cookie-same-site") String sameSite,
                  @ConfigProperty(name = "quarkus.http.auth.form.cookie-path") String path) {
        this.manager = new PersistentLoginManager(key, name, timeout.toMillis(), renewal.toMillis(), true,
                sameSite.toUpperCase(java.util.Locale.ROOT), path, -1, null);
    }

    void issue(SecurityIdentity identity, RoutingContext request) {
        manager.save(identity, request, null, request.request().isSSL());
    }

    void clear(RoutingContext request) {
        manager.clear(request);
    }
}
