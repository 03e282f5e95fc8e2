package org.tcyledger.eventsourcing.web;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /} of every service: a page for a person who opens the service's address, pointing to what describes it
 * (Swagger UI, the OpenAPI document, the AsyncAPI document of a write service's events, health), made by the
 * service alone, with nothing fetched from elsewhere; a client that asks for JSON gets the same links. Anyone reads
 * it. The projection's {@code /} is to become a portal: {@code tcy.web.service-index=false} at build leaves {@code /}
 * to it.
 */
@Path("/")
@PermitAll
@IfBuildProperty(name = "tcy.web.service-index", stringValue = "true", enableIfMissing = true)
public class ServiceIndex {

    /** One document of the service: where it is and what it is. */
    public record Link(String href, String title) {
    }

    private static final String LINKS_EXAMPLE = """
            [{"href":"/q/swagger-ui","title":"Swagger UI: the HTTP API, to read and to try"},
             {"href":"/q/openapi","title":"The OpenAPI document of the HTTP API (YAML; ?format=json for JSON)"},
             {"href":"/asyncapi.yaml","title":"The AsyncAPI document of the events this service publishes"},
             {"href":"/q/health","title":"Health: whether the service, its database and Kafka are up"}]""";

    @ConfigProperty(name = "quarkus.application.name")
    String service;
    @ConfigProperty(name = "quarkus.smallrye-openapi.info-description")
    Optional<String> description;
    /** The projection publishes no events, so it has no AsyncAPI document. */
    @ConfigProperty(name = "tcy.read-side", defaultValue = "false")
    boolean readSide;

    @Operation(summary = "This service's documents: Swagger UI, the OpenAPI and AsyncAPI documents, health")
    @APIResponse(responseCode = "200", description = "A page for a person, or the links as JSON when JSON is asked for",
            content = {@Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                       @Content(mediaType = MediaType.APPLICATION_JSON,
                               schema = @Schema(type = SchemaType.ARRAY, implementation = Link.class),
                               examples = @ExampleObject(name = "example", value = LINKS_EXAMPLE))})
    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response documents(@Context HttpHeaders headers) {
        if (asksForJson(headers.getAcceptableMediaTypes())) {
            return Response.ok(links(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(page(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    List<Link> links() {
        List<Link> links = new ArrayList<>();
        links.add(new Link("/q/swagger-ui", "Swagger UI: the HTTP API, to read and to try"));
        links.add(new Link("/q/openapi", "The OpenAPI document of the HTTP API (YAML; ?format=json for JSON)"));
        if (!readSide) {
            links.add(new Link("/asyncapi.yaml", "The AsyncAPI document of the events this service publishes"));
        }
        links.add(new Link("/q/health", "Health: whether the service, its database and Kafka are up"));
        return links;
    }

    /** The first of the client's preferences that either form answers decides; a browser's {@code *}/{@code *} is the page. */
    private static boolean asksForJson(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private String page() {
        String title = "T-CY Ledger: " + escape(service);
        String items = links().stream()
                .map(link -> "<li><a href=\"" + link.href() + "\">" + link.href() + "</a>: " + escape(link.title()) + "</li>")
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body>
                <h1>%s</h1>
                <p>%s</p>
                <ul>
                %s
                </ul>
                </body>
                </html>
                """.formatted(title, title, escape(description.orElse("")), items);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
