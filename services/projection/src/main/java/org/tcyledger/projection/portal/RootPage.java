package org.tcyledger.projection.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code GET /}: the portal in the browser's language (303 to {@code /en/} or {@code /fr/}). */
@Path("/")
public class RootPage {

    /** The service's documents, as every service's {@code GET /} lists them to a client that asks for JSON. */
    public record Link(String href, String title) {
    }

    static final List<Link> DOCUMENTS = List.of(
            new Link("/q/swagger-ui", "Swagger UI: the HTTP API, to read and to try"),
            new Link("/q/openapi", "The OpenAPI document of the HTTP API (YAML; ?format=json for JSON)"),
            new Link("/q/health", "Health: whether the service, its database and Kafka are up"));

    /**
     * A browser goes to the home page in its language; a client that asks for JSON still gets the links to the
     * service's documents, as from every other service's {@code GET /} (libs/eventsourcing ServiceIndex).
     */
    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response root(@HeaderParam("Accept-Language") String acceptLanguage, @Context HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                break;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(DOCUMENTS, MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return Response.seeOther(URI.create("/" + Language.preferred(acceptLanguage).code() + "/"))
                .header("Vary", "Accept, Accept-Language").build();
    }
}
