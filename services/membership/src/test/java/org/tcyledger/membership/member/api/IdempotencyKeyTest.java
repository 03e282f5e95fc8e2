package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The idempotency store of libs/eventsourcing ({@code Commands}) through real requests, for what MemberResourceTest
 * (same key and request, other request: 422) and InputLimitsTest (a key per principal, concurrent repeats) leave
 * open: a key is bound to the route as well as to the body, and a repeat is answered from the stored record, not by
 * running the command again against an aggregate that has moved on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class IdempotencyKeyTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse post(String key, String path, String body) {
        var request = given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(path).then();
    }

    private static void register(String id) {
        post(null, "/members", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"kind\":\"STATE\","
                               + "\"councilOfEuropeMember\":true}").statusCode(201);
    }

    @Test
    void theSameKeyAndBodyOnAnotherRouteIs422() throws Exception {
        register("BE");
        register("AT");
        String signature = "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}";
        long before = storedEvents();
        post("idem-route-1", "/members/BE/signatures", signature).statusCode(201).body("id", equalTo("BE"));
        post("idem-route-1", "/members/AT/signatures", signature).statusCode(422)
                .contentType("application/problem+json");
        assertEquals(before + 1, storedEvents(), "the second member was not signed under the first one's key");
    }

    @Test
    void aRepeatIsAnsweredFromTheRecordAfterTheAggregateMovedOn() throws Exception {
        register("IE");
        String signature = "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}";
        String first = post("idem-record-1", "/members/IE/signatures", signature).statusCode(201)
                .body("sequence", equalTo(1)).extract().asString();
        post(null, "/members/IE/instruments",
                "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2003-05-12\"}").statusCode(201)
                .body("sequence", equalTo(2));
        long before = storedEvents();
        String repeat = post("idem-record-1", "/members/IE/signatures", signature).statusCode(201)
                .extract().asString();
        assertEquals(first, repeat, "the first answer, though signing again would now be refused or stored anew");
        assertEquals(before, storedEvents());
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
