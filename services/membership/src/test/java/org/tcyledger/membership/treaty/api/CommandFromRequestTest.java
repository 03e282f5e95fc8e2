package org.tcyledger.membership.treaty.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * An endpoint names neither the Idempotency-Key nor the route: the command takes both from the request. The same key
 * with the same request is answered from the first time; with another request (or another route) it is 422; the
 * headers are documented on every command.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class CommandFromRequestTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    @Test
    void theKeyAndTheRouteComeFromTheRequest() {
        String body = "{\"id\":\"ORG-KEYED\",\"name\":\"An organisation\",\"kind\":\"ORGANISATION\","
                      + "\"councilOfEuropeMember\":false}";
        String first = given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .header("Idempotency-Key", "register-org-keyed").header("X-Correlation-Id", "secretariat-2026-11")
                .body(body).post("/members").then().statusCode(201).extract().path("eventId");
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", "register-org-keyed")
                .body(body).post("/members").then().statusCode(201).body("eventId", equalTo(first));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", "register-org-keyed")
                .body(body.replace("An organisation", "Another organisation")).post("/members")
                .then().statusCode(422).contentType("application/problem+json");
        // the route is part of what the key is bound to: the same key on another endpoint is another request
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", "register-org-keyed")
                .body("{\"inForceOn\":\"2031-01-01\"}").post("/treaties/CETS224/entry-into-force")
                .then().statusCode(422);
    }

    @Test
    void everyCommandDocumentsTheHeadersItReads() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/treaties/{id}/entry-into-force'.post.parameters.name",
                        hasItems("Idempotency-Key", "X-Correlation-Id"))
                .body("paths.'/members'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/treaties/{id}/entry-into-force'.post.parameters.find { it.name == 'Idempotency-Key' }"
                      + ".description", containsString("answered from the first"));
    }
}
