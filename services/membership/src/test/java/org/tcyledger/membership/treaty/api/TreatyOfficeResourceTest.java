package org.tcyledger.membership.treaty.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** The Treaty Office's record over REST on real PostgreSQL and Kafka: consents, notifications, 24/7 units. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class TreatyOfficeResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    private static ValidatableResponse send(String method, String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body)
                .when().request(method, path).then();
    }

    private static void memberState(String id, String name) {
        send("POST", "/members", "{\"id\":\"" + id + "\",\"name\":\"" + name
                                 + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}").statusCode(201);
        send("POST", "/members/" + id + "/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}")
                .statusCode(201);
        send("POST", "/members/" + id + "/instruments",
                "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2006-06-01\"}").statusCode(201);
    }

    /**
     * Five States bound by signatures of ETS189 without reservation as to ratification: the register derives the
     * protocol's entry into force from the fifth, which disagrees with the date recorded (2006-03-01).
     */
    @Test
    void theProtocolsEntryIntoForceIsDerivedFromTheConsentsTheRegisterHolds() {
        List<String> ids = List.of("GR", "IT", "ES", "SE", "DK");
        List<String> names = List.of("Greece", "Italy", "Spain", "Sweden", "Denmark");
        for (int i = 0; i < ids.size(); i++) {
            memberState(ids.get(i), names.get(i));
            send("POST", "/members/" + ids.get(i) + "/signatures", "{\"treaty\":\"ETS189\",\"signedOn\":\"2007-01-1"
                    + i + "\",\"withoutReservationAsToRatification\":true}")
                    .statusCode(201).body("entryIntoForceOn", equalTo("2007-05-01"));
        }
        given().auth().oauth2(SECRETARIAT).get("/treaties/ETS189").then().statusCode(200)
                .body("id", equalTo("ETS189")).body("openedOn", equalTo("2003-01-28"))
                .body("inForceOn", equalTo("2006-03-01"))
                .body("derivedInForceOn", equalTo("2007-05-01"))
                .body("consistent", equalTo(false))
                .body("consents.memberId", hasItems("GR", "IT", "ES", "SE", "DK"))
                .body("consents.find { it.memberId == 'DK' }.by", equalTo("SIGNATURE_WITHOUT_RESERVATION"))
                .body("consents.find { it.memberId == 'DK' }.decisive", equalTo(true));
        given().auth().oauth2(SECRETARIAT).get("/members/DK?asOf=2007-05-01").then().statusCode(200)
                .body("treaties.find { it.treaty == 'ETS189' }.status", equalTo("PARTY"))
                .body("treaties.find { it.treaty == 'ETS189' }.withoutReservationAsToRatification", equalTo(true));
        given().auth().oauth2(SECRETARIAT).get("/treaties/ETS999").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forTests().token("observer")).get("/treaties/ETS185").then().statusCode(403);
    }

    @Test
    void reservationsDeclarationsAndAuthoritiesNotifiedLaterAreInForceFromTheirDate() {
        memberState("CZ", "Czech Republic");
        send("POST", "/members/CZ/notifications", "{\"treaty\":\"ETS185\",\"kind\":\"RESERVATION\",\"article\":\"9\","
                + "\"notifiedOn\":\"2007-10-01\",\"effectiveOn\":\"2008-01-01\",\"text\":\"Article 9, paragraph 4\"}")
                .statusCode(201);
        send("POST", "/members/CZ/notifications", "{\"treaty\":\"ETS185\",\"kind\":\"AUTHORITY_DESIGNATED\","
                + "\"article\":\"35\",\"notifiedOn\":\"2008-02-01\",\"text\":\"24/7 point of contact\","
                + "\"authority\":{\"function\":\"NETWORK_24_7_ART35\",\"institution\":\"Police Presidium\"}}")
                .statusCode(201);
        send("POST", "/members/CZ/notifications", "{\"treaty\":\"ETS185\",\"kind\":\"RESERVATION_WITHDRAWN\","
                + "\"article\":\"9\",\"notifiedOn\":\"2010-01-01\",\"text\":\"withdrawn\"}").statusCode(201);
        send("POST", "/members/CZ/notifications", "{\"treaty\":\"ETS185\",\"kind\":\"RESERVATION_WITHDRAWN\","
                + "\"article\":\"9\",\"notifiedOn\":\"2010-02-01\",\"text\":\"withdrawn again\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("withdrawal-of-statement-not-in-force"));
        send("POST", "/members/CZ/notifications", "{\"treaty\":\"ETS185\",\"kind\":\"AUTHORITY_DESIGNATED\","
                + "\"article\":\"24\",\"notifiedOn\":\"2008-02-01\",\"text\":\"no authority given\"}")
                .statusCode(400).contentType("application/problem+json");
        ValidatableResponse in2009 = given().auth().oauth2(SECRETARIAT).get("/members/CZ?asOf=2009-01-01").then()
                .statusCode(200);
        in2009.body("treaties.find { it.treaty == 'ETS185' }.reservations[0].article", equalTo("9"))
                .body("treaties.find { it.treaty == 'ETS185' }.reservations[0].since", equalTo("2008-01-01"))
                .body("treaties.find { it.treaty == 'ETS185' }.authorities[0].institution", equalTo("Police Presidium"));
        given().auth().oauth2(SECRETARIAT).get("/members/CZ?asOf=2010-01-01").then().statusCode(200)
                .body("treaties.find { it.treaty == 'ETS185' }.reservations", empty());
    }

    @Test
    void aUnitOfThe247NetworkIsAddedAndWithdrawnOnce() {
        memberState("SI", "Slovenia");
        String unitId = send("POST", "/members/SI/contact-points", "{\"institution\":\"General Police Directorate\","
                + "\"phone\":\"+386 1 000 00 00\",\"email\":\"unit@example.org\",\"hours\":\"24/7\","
                + "\"designatedOn\":\"2007-01-01\",\"personName\":\"Invented Person\"}")
                .statusCode(201).body("unitId", notNullValue()).body("personId", notNullValue())
                .extract().path("unitId");
        send("DELETE", "/members/SI/contact-points/" + unitId, "{\"withdrawnOn\":\"2010-01-01\"}").statusCode(200);
        send("DELETE", "/members/SI/contact-points/" + unitId, "{\"withdrawnOn\":\"2011-01-01\"}").statusCode(409)
                .body("rule", equalTo("contact-point-unit-already-withdrawn"));
        send("POST", "/members", "{\"id\":\"NZ\",\"name\":\"New Zealand\",\"kind\":\"STATE\","
                                 + "\"councilOfEuropeMember\":false}").statusCode(201);
        send("POST", "/members/NZ/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2020-01-10\"}").statusCode(409)
                .body("rule", equalTo("signature-not-open"));
    }
}
