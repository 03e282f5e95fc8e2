package org.tcyledger.eventsourcing.web.openapi;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tcyledger.eventsourcing.web.Commands;

/**
 * The answer of a command sent through {@link Commands}: the scanner sees only the {@code Response} the endpoint
 * method returns and documents "200, any JSON". By convention a POST records something new and answers 201
 * ({@code Commands.created}), a PUT or DELETE changes what exists and answers 200 ({@code Commands.applied}). A POST
 * that answers 200 says so on its method ({@code @APIResponse(responseCode = "200")} with the schema
 * {@link ApiDocument#COMMAND_ANSWER}), and is left as it is.
 */
class CommandAnswers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (ApiDocument.Endpoint endpoint : ApiDocument.endpoints(openAPI)) {
            APIResponses responses = endpoint.operation().getResponses();
            if (endpoint.isCommand() && responses != null && isAnyJson(responses.getAPIResponse("200"))) {
                responses.removeAPIResponse("200");
                boolean created = endpoint.method() == PathItem.HttpMethod.POST;
                responses.addAPIResponse(created ? "201" : "200", OASFactory.createAPIResponse()
                        .description(created ? "Recorded: what the command stored" : "Applied: what the command stored")
                        .content(OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().schema(
                                        OASFactory.createSchema().ref(ApiDocument.COMMAND_ANSWER)))));
            }
            if (responses != null && responses.getAPIResponses().values().stream().anyMatch(CommandAnswers::isAnswer)) {
                ApiDocument.addSchema(openAPI, ApiDocument.COMMAND_ANSWER, schema());
            }
        }
    }

    private static boolean isAnswer(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes().values().stream()
                .anyMatch(media -> media.getSchema() != null && media.getSchema().getRef() != null
                                   && media.getSchema().getRef().endsWith("/" + ApiDocument.COMMAND_ANSWER));
    }

    /** The scanner's placeholder for a method that returns a {@code Response}: JSON of any shape. */
    private static boolean isAnyJson(APIResponse response) {
        if (response == null || response.getContent() == null || response.getContent().getMediaTypes().size() != 1) {
            return false;
        }
        var json = response.getContent().getMediaType(MediaType.APPLICATION_JSON);
        Schema schema = json == null ? null : json.getSchema();
        return schema != null && schema.getRef() == null && schema.getType() == null && schema.getProperties() == null;
    }

    /** {@code Commands.send}: the keys are always there; a command that stored nothing has no event. */
    private static Schema schema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("What the command stored: the record's id, the id and sequence of its last event (null "
                             + "when it stored nothing), and what it derived (an entry into force, a new id, …)")
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("eventId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL))
                .addProperty("sequence", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .addType(Schema.SchemaType.NULL))
                .addRequired("id").addRequired("eventId").addRequired("sequence");
    }
}
