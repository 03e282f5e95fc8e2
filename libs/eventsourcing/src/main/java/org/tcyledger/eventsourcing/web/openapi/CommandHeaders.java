package org.tcyledger.eventsourcing.web.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.tcyledger.eventsourcing.web.Commands;

/**
 * Documents on every command (POST, PUT, DELETE) the two headers {@link Commands} reads from the request itself,
 * so that no endpoint method has to name them: {@code Idempotency-Key} and {@code X-Correlation-Id}.
 */
class CommandHeaders implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (ApiDocument.Endpoint endpoint : ApiDocument.endpoints(openAPI)) {
            if (endpoint.isCommand()) {
                add(endpoint.operation(), Commands.IDEMPOTENCY_KEY, "A key of yours ([A-Za-z0-9._:-]{1,128}): the "
                        + "same request again with it is answered from the first and stores nothing");
                add(endpoint.operation(), Commands.CORRELATION_ID, "Carried on the events as their correlationId "
                        + "([A-Za-z0-9._:-]{1,128})");
            }
        }
    }

    private static void add(Operation operation, String header, String description) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null && parameters.stream().anyMatch(p -> header.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(header).in(Parameter.In.HEADER).required(false)
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }
}
