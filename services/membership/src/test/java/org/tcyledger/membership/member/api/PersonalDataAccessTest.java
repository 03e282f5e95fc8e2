package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * Who may read personal data, and in which form: tokens for another audience are no identity at all; the keyholder
 * opens contact points only, with a token scoped to them; auditors read representatives and contact points sealed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class PersonalDataAccessTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String SECRETARIAT = TOKENS.token("secretariat");
    private static final String AUDITOR = TOKENS.token("auditor");
    private static final String KEYHOLDER = TOKENS.keyholder(Duration.ofHours(1));

    private static ValidatableResponse send(String method, String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .when().request(method, path).then();
    }

    /** A member with a representative and a contact point that was replaced by another: the ids of the three. */
    private record People(String representative, String formerContactPoint, String contactPoint) {
    }

    private static People memberWithPeople(String id) {
        send("POST", "/members", "{\"id\":\"" + id + "\",\"name\":\"Member " + id
                + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}").statusCode(201);
        String representative = send("POST", "/members/" + id + "/representatives",
                "{\"name\":\"Mari Maasikas\",\"email\":\"mari@example.ee\",\"role\":\"HEAD_OF_DELEGATION\","
                + "\"appointedOn\":\"2015-01-05\"}").statusCode(201).extract().path("representativeId");
        String former = send("PUT", "/members/" + id + "/contact-point",
                "{\"unit\":\"Cybercrime Unit\",\"phone\":\"+372 612 3000\",\"email\":\"old@example.ee\"}")
                .statusCode(200).extract().path("personId");
        String current = send("PUT", "/members/" + id + "/contact-point",
                "{\"unit\":\"Cybercrime Unit\",\"phone\":\"+372 612 3001\",\"email\":\"cyber@example.ee\"}")
                .statusCode(200).extract().path("personId");
        return new People(representative, former, current);
    }

    /** The ciphertext of a person's data as the member's stored events carry it. */
    private static String ciphertextOf(String memberId, String personId) {
        List<Map<String, Object>> events = given().auth().oauth2(AUDITOR).get("/members/" + memberId + "/events")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> event : events) {
            if (event.get("data") instanceof Map<?, ?> data && data.get("personalData") instanceof Map<?, ?> sealed
                && personId.equals(sealed.get("personId"))) {
                return (String) sealed.get("ciphertext");
            }
        }
        throw new AssertionError("no sealed data of " + personId + " in " + events);
    }

    private static ValidatableResponse unseal(String token, String memberId, String personId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("ciphertext", ciphertextOf(memberId, personId)))
                .post("/people/" + personId + "/unseal").then();
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsNoIdentity() {
        send("POST", "/members", "{\"id\":\"SM\",\"name\":\"San Marino\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .statusCode(201);
        given().auth().oauth2(SECRETARIAT).get("/members/SM").then().statusCode(200);
        for (String token : new String[] {TOKENS.tokenForAudience(null, "secretariat"),
                TOKENS.tokenForAudience("another-application", "secretariat")}) {
            given().auth().oauth2(token).get("/members/SM").then()
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void theKeyholderOpensContactPointsPastAndPresentAndNobodyElse() {
        People people = memberWithPeople("LI");
        unseal(KEYHOLDER, "LI", people.contactPoint()).statusCode(200)
                .body("phone", equalTo("+372 612 3001")).body("email", equalTo("cyber@example.ee"));
        // a rebuild of the projection opens the designations it replays, the replaced one too
        unseal(KEYHOLDER, "LI", people.formerContactPoint()).statusCode(200).body("email", equalTo("old@example.ee"));
        unseal(KEYHOLDER, "LI", people.representative()).statusCode(403).contentType("application/problem+json")
                .body("detail", notNullValue()).body("name", equalTo(null));
    }

    @Test
    void aKeyholderTokenWithoutTheContactPointsScopeOpensNothing() {
        People people = memberWithPeople("MC");
        unseal(TOKENS.token("keyholder"), "MC", people.contactPoint()).statusCode(403)
                .contentType("application/problem+json").body("phone", equalTo(null));
        unseal(SECRETARIAT, "MC", people.contactPoint()).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void auditorsReadPersonalDataSealedAndTheSecretariatOpened() {
        memberWithPeople("AD");
        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2016-01-01").get("/members/AD").then().statusCode(200)
                .body("representatives[0].name", equalTo("Mari Maasikas"))
                .body("representatives[0].email", equalTo("mari@example.ee"))
                .body("contactPoint.email", equalTo("cyber@example.ee"));
        String audited = given().auth().oauth2(AUDITOR).queryParam("asOf", "2016-01-01").get("/members/AD").then()
                .statusCode(200)
                .body("representatives[0].name", equalTo("[sealed]"))
                .body("representatives[0].email", equalTo("[sealed]"))
                .body("representatives[0].role", equalTo("HEAD_OF_DELEGATION"))
                .body("contactPoint.unit", equalTo("Cybercrime Unit"))
                .body("contactPoint.phone", equalTo("[sealed]"))
                .body("contactPoint.email", equalTo("[sealed]"))
                .extract().asString();
        for (String opened : List.of("Mari Maasikas", "mari@example.ee", "cyber@example.ee", "+372 612 3001")) {
            assertFalse(audited.contains(opened), "an auditor reads " + opened);
        }
    }
}
