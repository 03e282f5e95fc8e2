package org.tcyledger.eventsourcing.web.openapi;

import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.tcyledger.eventsourcing.web.Problem;

/**
 * The errors every operation can answer, as {@code ProblemMappers}, {@code InputLimits} and {@code EntityTags} send
 * them, which no endpoint method declares: each as {@code application/problem+json} with the shared schema
 * {@value #SCHEMA} ({@link Problem}'s fields), and {@code default} for the rest (406, 500, 503…). What an operation
 * can answer follows from what it is: any request may be malformed (400: the limits on input check every parameter
 * and header); one that takes a token may bear a bad one (401), and one that requires a role may lack it (403); an
 * id in the path may name nothing (404); a command may break a rule (409), be too large (413), reuse an
 * Idempotency-Key (422) or not complete in time (503); a body may not be JSON (415); a JSON read may not have
 * changed (304). A response the endpoint documents with content of its own is kept.
 */
class ProblemAnswers implements OASFilter {

    static final String SCHEMA = "Problem";

    private static final String NOT_MODIFIED = "304";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<ApiDocument.Endpoint> endpoints = ApiDocument.endpoints(openAPI);
        for (ApiDocument.Endpoint endpoint : endpoints) {
            Operation operation = endpoint.operation();
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            answers(endpoint).forEach((status, description) -> problem(operation.getResponses(), status, description));
            if (isJsonRead(endpoint) && !operation.getResponses().hasAPIResponse(NOT_MODIFIED)) {
                operation.getResponses().addAPIResponse(NOT_MODIFIED, OASFactory.createAPIResponse()
                        .description("Not modified: the representation still has the ETag If-None-Match named"));
            }
        }
        if (!endpoints.isEmpty()) {
            ApiDocument.addSchema(openAPI, SCHEMA, schema());
        }
    }

    private static Map<String, String> answers(ApiDocument.Endpoint endpoint) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("400", "The request is not valid: errors names every bad field, parameter or header");
        List<SecurityRequirement> security = endpoint.operation().getSecurity();
        boolean token = security != null && security.stream().anyMatch(s -> !s.getSchemes().isEmpty());
        boolean anonymous = security == null || security.stream().anyMatch(s -> s.getSchemes().isEmpty());
        if (token) {
            answers.put("401", "No valid bearer token for this system (WWW-Authenticate: Bearer)");
        }
        if (token && !anonymous) {
            answers.put("403", "The token's role may not do this");
        }
        if (endpoint.path().contains("{")) {
            answers.put("404", "Nothing recorded with this id");
        }
        if (endpoint.isCommand()) {
            answers.put("409", "A rule forbids this (rule names it), the id is taken, or a request with the same "
                               + "Idempotency-Key is still running (Retry-After)");
            answers.put("413", "The body is over 1 MiB, or the event it would store is too large");
        }
        if (endpoint.operation().getRequestBody() != null) {
            answers.put("415", "The body is not JSON");
        }
        if (endpoint.isCommand()) {
            answers.put("422", "The Idempotency-Key was used before with another request");
            answers.put("503", "Not completed in time, nothing stored: retry with the same Idempotency-Key (Retry-After)");
        }
        answers.put(APIResponses.DEFAULT, "Another error: 406 for an Accept this endpoint cannot answer, 503 when a "
                                          + "store or a read model is not ready (Retry-After), 500");
        return answers;
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        } else if (response.getContent() != null && !response.getContent().getMediaTypes().isEmpty()) {
            return;
        } else if (isScannerDefault(response.getDescription())) {
            response.setDescription(description);
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))));
    }

    /** What the scanner writes for the responses it adds by itself. */
    private static boolean isScannerDefault(String description) {
        return description == null || List.of("Bad Request", "Not Authorized", "Not Allowed").contains(description);
    }

    private static boolean isJsonRead(ApiDocument.Endpoint endpoint) {
        APIResponse ok = endpoint.operation().getResponses().getAPIResponse("200");
        return !endpoint.isCommand() && ok != null && ok.getContent() != null
               && ok.getContent().getMediaType(MediaType.APPLICATION_JSON) != null;
    }

    /** {@link Problem}: RFC 9457, with {@code rule} on a 409 and {@code errors} on a 400; nulls are left out. */
    private static Schema schema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A problem (RFC 9457): type is about:blank or a urn:tcy: name, rule names the broken "
                             + "rule of a 409, errors the bad fields of a 400")
                .addProperty("type", text())
                .addProperty("title", text())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text())
                .addProperty("rule", text())
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text()).addProperty("message", text())
                                .addRequired("field").addRequired("message")))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
