package org.tcyledger.eventsourcing.web.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * An answer's field that Java leaves null is {@code null} in the JSON (Jackson writes nulls), so the schema of every
 * field of an answer that is not required says it may be null ({@code "type": ["string", "null"]}, or
 * {@code anyOf} with null around a reference): a validating proxy then accepts the real answers. Only the schemas the
 * answers alone use are widened; a request's schema stays as strict as the endpoint that reads it.
 */
class NullableFields implements OASFilter {

    private static final String COMPONENT = "#/components/schemas/";
    /** Written without nulls ({@code @JsonInclude(NON_NULL)}) or with every key always there. */
    private static final Set<String> EXACT = Set.of(ProblemAnswers.SCHEMA, ApiDocument.COMMAND_ANSWER);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Set<String> asked = new HashSet<>();
        Set<String> answered = new HashSet<>();
        List<Schema> answers = new ArrayList<>();
        for (ApiDocument.Endpoint endpoint : ApiDocument.endpoints(openAPI)) {
            if (endpoint.operation().getRequestBody() != null) {
                schemas(endpoint.operation().getRequestBody().getContent()).forEach(s -> reach(s, components, asked));
            }
            if (endpoint.operation().getParameters() != null) {
                for (Parameter parameter : endpoint.operation().getParameters()) {
                    reach(parameter.getSchema(), components, asked);
                }
            }
            if (endpoint.operation().getResponses() != null) {
                for (APIResponse response : endpoint.operation().getResponses().getAPIResponses().values()) {
                    for (Schema schema : schemas(response.getContent())) {
                        reach(schema, components, answered);
                        answers.add(schema);
                    }
                }
            }
        }
        answers.forEach(NullableFields::widen);
        answered.stream().filter(name -> !asked.contains(name) && !EXACT.contains(name))
                .forEach(name -> widen(components.get(name)));
    }

    private static List<Schema> schemas(Content content) {
        List<Schema> schemas = new ArrayList<>();
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().filter(m -> m.getSchema() != null)
                    .forEach(m -> schemas.add(m.getSchema()));
        }
        return schemas;
    }

    /** Collects the components {@code schema} refers to, directly or through others. */
    private static void reach(Schema schema, Map<String, Schema> components, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
            String name = schema.getRef().substring(COMPONENT.length());
            if (reached.add(name)) {
                reach(components.get(name), components, reached);
            }
        }
        children(schema).forEach(child -> reach(child, components, reached));
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> composed : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                nonNull(schema.getOneOf()))) {
            children.addAll(composed);
        }
        return children;
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    /** Lets every field of {@code schema} that is not required be null, in it and in the objects it holds inline. */
    private static void widen(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            List<String> required = nonNullNames(schema.getRequired());
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> {
                widen(property);
                properties.put(name, required.contains(name) ? property : nullable(property));
            });
            schema.setProperties(properties);
        }
        if (schema.getItems() != null) {
            widen(schema.getItems());
        }
    }

    private static List<String> nonNullNames(List<String> names) {
        return names == null ? List.of() : names;
    }

    private static Schema nullable(Schema property) {
        if (allowsNull(property)) {
            return property;
        }
        if (property.getRef() != null || property.getEnumeration() != null) {
            return OASFactory.createSchema().anyOf(List.of(property, OASFactory.createSchema()
                    .addType(Schema.SchemaType.NULL)));
        }
        return property.addType(Schema.SchemaType.NULL);
    }

    /** A schema of no type (any JSON) or one that names null already. */
    private static boolean allowsNull(Schema schema) {
        if (schema.getRef() != null || schema.getEnumeration() != null) {
            return false;
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream().anyMatch(NullableFields::allowsNull);
        }
        return schema.getType() == null || schema.getType().contains(Schema.SchemaType.NULL);
    }
}
