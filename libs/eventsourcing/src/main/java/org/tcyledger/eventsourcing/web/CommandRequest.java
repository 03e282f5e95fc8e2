package org.tcyledger.eventsourcing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What a command takes from the request it comes from, read once by a filter so that no endpoint names it: the
 * {@code Idempotency-Key}, the correlation id and the route (method and path, part of what a key is bound to).
 */
@RequestScoped
public class CommandRequest {

    private String idempotencyKey;
    private String correlationId;
    private String route;

    void read(String idempotencyKey, String correlationId, String route) {
        this.idempotencyKey = idempotencyKey;
        this.correlationId = correlationId;
        this.route = route;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String correlationId() {
        return correlationId;
    }

    public String route() {
        return route;
    }

    /** Fills the request's {@link CommandRequest} before any endpoint runs (the headers' form is checked by InputLimits). */
    public static class Filter {

        @Inject
        CommandRequest current;

        @ServerRequestFilter
        public void read(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            // through a method: the injected bean is a client proxy, whose own fields are not the request's
            current.read(request.getHeaderString(Commands.IDEMPOTENCY_KEY),
                    request.getHeaderString(Commands.CORRELATION_ID),
                    request.getMethod() + " " + (path.startsWith("/") ? path : "/" + path));
        }
    }
}
