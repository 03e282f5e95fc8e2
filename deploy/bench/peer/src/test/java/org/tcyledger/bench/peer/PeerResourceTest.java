package org.tcyledger.bench.peer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** The peer is a fair yardstick only if it does the same checks: the token, its role, the body's shape, the row. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_bench_peer"))
class PeerResourceTest {

    private static final Tokens TOKENS = Tokens.forTests();

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Peer " + id + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}";
    }

    @Test
    void theSecretariatRegistersOnceAndTheRowIsCommitted() {
        String id = "PEER-" + System.nanoTime();
        given().auth().oauth2(TOKENS.token("secretariat")).contentType("application/json").body(body(id))
                .post("/members").then().statusCode(201).header("Location", endsWith("/members/" + id))
                .body("id", equalTo(id));
        given().auth().oauth2(TOKENS.token("secretariat")).contentType("application/json").body(body(id))
                .post("/members").then().statusCode(409).body("title", equalTo("member-already-registered"));
    }

    @Test
    void itVerifiesTokensAsTheServicesDoKeepingWhatHeld() {
        assertEquals(org.tcyledger.tokens.VerifiedTokens.class, io.quarkus.arc.Arc.container()
                .instance(io.smallrye.jwt.auth.principal.JWTParser.class).getBean().getBeanClass());
    }

    @Test
    void itChecksTheTokenTheRoleAndTheBodyAsMembershipDoes() {
        given().contentType("application/json").body(body("PEER-ANON")).post("/members").then().statusCode(401);
        given().auth().oauth2(TOKENS.token("observer")).contentType("application/json").body(body("PEER-OBS"))
                .post("/members").then().statusCode(403);
        given().auth().oauth2(TOKENS.token("secretariat")).contentType("application/json")
                .body("{\"id\":\"\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}").post("/members").then()
                .statusCode(400);
    }
}
