package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;

/**
 * Without {@code tcy.portal.oidc.issuer} the portal has its password form only, and no provider's page; with
 * quarkus-oidc in the build, the API's document still describes bearer JWTs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class IdentityProviderAbsentTest {

    @Test
    void noProviderIsOfferedAndItsPathIsNoPage() {
        for (String lang : new String[] {"en", "fr"}) {
            given().get("/" + lang + "/sign-in").then().statusCode(200)
                    .body(containsString("data-test=\"sign-in-form\""), not(containsString("oidc-sign-in")));
            given().redirects().follow(false).get("/" + lang + "/sign-in/oidc?next=/en/register").then()
                    .statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("<html lang=\"" + lang + "\">"));
        }
    }

    @Test
    void theApiDocumentStillDescribesBearerJwts() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"));
    }
}
