package org.tcyledger.projection.portal;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus's form authentication signs in on a POST to its post location without a CSRF token: the portal signs in
 * at {@code POST /{lang}/sign-in} instead (PortalSignIn), and the post location answers 404 before any
 * authentication runs (this filter's priority is above the security handlers').
 */
@ApplicationScoped
public class FormPostLocation {

    /** Above CORS (300), authentication (200) and form authentication (150). */
    private static final int BEFORE_SECURITY = 400;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location")
    String postLocation;

    void refuse(@Observes Filters filters) {
        filters.register(request -> {
            if (request.normalizedPath().endsWith(postLocation)) {
                request.response().setStatusCode(404).end();
            } else {
                request.next();
            }
        }, BEFORE_SECURITY);
    }
}
