package org.tcyledger.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every service tells about itself to anyone, without a token: {@code GET /} points a person to its documents,
 * Swagger UI shows its API, and its OpenAPI document names every operation, the server and the terms, documents the
 * problems every operation can answer, and is the document the build stored for the linter. Each service's test
 * extends this with its own {@code @QuarkusTest} infrastructure.
 */
public abstract class ServiceDocuments {

    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Whether the service publishes events, and so links the AsyncAPI document of them. */
    protected abstract boolean publishesEvents();

    private List<String> documents() {
        List<String> documents = new ArrayList<>(List.of("/q/swagger-ui", "/q/openapi", "/q/health"));
        if (publishesEvents()) {
            documents.add("/asyncapi.yaml");
        }
        return documents;
    }

    @Test
    void theRootIsAPageForAPersonThatLinksTheServicesDocuments() {
        String page = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/")
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        for (String document : documents()) {
            assertTrue(page.contains("href=\"" + document + "\""), "the page links " + document);
        }
        assertEquals(publishesEvents(), page.contains("/asyncapi.yaml"), "only a write service has an AsyncAPI document");
        assertFalse(page.contains("://"), "the page needs nothing from elsewhere");
    }

    @Test
    void aClientThatAsksForJsonGetsTheSameLinks() {
        List<String> links = given().accept("application/json").get("/")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath().getList("href");
        assertEquals(Set.copyOf(documents()), Set.copyOf(links));
    }

    @Test
    void swaggerUiIsServedToAnyoneFromTheServiceItself() {
        String page = given().accept("text/html").get("/q/swagger-ui")
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertTrue(page.contains("/q/openapi"), "Swagger UI shows this service's document");
        assertFalse(page.contains("src=\"http") || page.contains("href=\"http"), "its assets are the service's own");
    }

    @Test
    void theOpenApiDocumentNamesEveryOperationTheServerAndTheLicence() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Set<String> ids = new HashSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        for (Map.Entry<String, Map<String, Map<String, Object>>> path : paths.entrySet()) {
            for (Map.Entry<String, Map<String, Object>> operation : path.getValue().entrySet()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                Object id = operation.getValue().get("operationId");
                assertTrue(id instanceof String s && !s.isBlank(), where + " has an operationId");
                assertTrue(ids.add((String) id), where + " has an operationId of its own: " + id);
                assertTrue(operation.getValue().get("security") != null, where + " says who may call it");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Map<String, Object>>> responses =
                        (Map<String, Map<String, Map<String, Object>>>) operation.getValue().get("responses");
                assertTrue(responses.get("400").get("content").containsKey("application/problem+json"),
                        where + " documents its problems as application/problem+json");
            }
        }
        assertFalse(ids.isEmpty());
        assertTrue(document.getString("servers[0].url").startsWith("http://127.0.0.1:"), "the local default server");
        assertFalse(document.getString("info.license.name").isBlank());
        assertTrue(document.getString("info.license.url") != null || document.getString("info.license.identifier") != null,
                "the licence is named by a URL or an SPDX identifier");
        assertTrue(document.getMap("components.schemas").containsKey("Problem"));
    }

    /** The linter reads what the build stored ({@code deploy/contracts/lint-openapi}): it must be what is served. */
    @Test
    void theStoredDocumentIsTheServedOne() throws Exception {
        Path stored = Path.of("target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(stored), "the build stores the document at " + stored.toAbsolutePath());
        Map<String, Object> served = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals(JsonPath.from(Files.readString(stored)).getMap("$"), served);
    }
}
