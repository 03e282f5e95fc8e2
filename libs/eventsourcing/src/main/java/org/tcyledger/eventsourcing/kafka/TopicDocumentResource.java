package org.tcyledger.eventsourcing.kafka;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tcyledger.contracts.asyncapi.AsyncApiDocument;
import org.tcyledger.eventsourcing.WriteModel;

/**
 * The AsyncAPI document of the topic this service writes, for any team that consumes it: the one kept in
 * libs/contracts, which a test there keeps equal to the event records. Not in the projection, which writes no topic.
 */
@Path("/asyncapi.yaml")
@UnlessBuildProperty(name = "tcy.read-side", stringValue = "true", enableIfMissing = true)
public class TopicDocumentResource {

    public static final String YAML = "application/yaml";

    private final byte[] document;

    @Inject
    TopicDocumentResource(WriteModel model) {
        String resource = AsyncApiDocument.resource(model.topic());
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no AsyncAPI document " + resource + " for " + model.topic());
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(operationId = "asyncApiDocument", summary = "The AsyncAPI 3 document of this service's topic: its channel, every event with its "
            + "CloudEvents headers and the JSON Schema of its data")
    @GET
    @PermitAll
    @Produces(YAML)
    public Response document() {
        return Response.ok(document).header("Cache-Control", "public, max-age=300").build();
    }
}
