package org.tcyledger.eventsourcing.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The filter of every service's OpenAPI document ({@code mp.openapi.filter}): its steps make the document say what
 * the endpoints really answer, which the scanner cannot see (the problems of {@code ProblemMappers}, a command's answer),
 * and complete it for the linters, without an annotation on each endpoint. The steps run in this order because the
 * problems an operation documents depend on its security and its method. Each step leaves alone what it already did,
 * so that the document stored at build time and the one served are the same.
 */
public class ApiDocument implements OASFilter {

    /** The name of the bearer-token scheme, for an endpoint that names it in an annotation. */
    public static final String BEARER = "bearer";
    /** The schema of what {@code Commands} answers, for a command that documents its own status. */
    public static final String COMMAND_ANSWER = "CommandAnswer";

    private static final List<OASFilter> STEPS = List.of(new OperationIds(), new CommandHeaders(),
            new CommandAnswers(), new AnonymousAccess(), new ProblemAnswers(), new NullableFields(), new Licence());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        STEPS.forEach(step -> step.filterOpenAPI(openAPI));
    }

    /** One operation of the document, with where it is. */
    record Endpoint(String path, PathItem.HttpMethod method, Operation operation) {

        /** What {@code Commands} serves: a request that changes the record. */
        boolean isCommand() {
            return List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.DELETE).contains(method);
        }
    }

    /** Adds {@code schema} to the document's components under {@code name}, unless one is there. */
    static void addSchema(OpenAPI openAPI, String name, Schema schema) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(name)) {
            openAPI.getComponents().addSchema(name, schema);
        }
    }

    static List<Endpoint> endpoints(OpenAPI openAPI) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return endpoints;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                endpoints.add(new Endpoint(path.getKey(), operation.getKey(), operation.getValue()));
            }
        }
        return endpoints;
    }
}
