package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * domain.md "Limits on input": what used to be stored and then stopped a consumer or a publisher is refused with a
 * problem naming every bad field, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class InputLimitsTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNameWithANulCharacterIsRefusedAndNothingIsStored() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"NL\",\"name\":\"Nether\\u0000lands\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.message", hasItem(containsString("U+0000")));
        assertEquals(before, storedEvents());
    }

    @Test
    void unpairedSurrogatesAndEscapeCharactersAreRefusedInEveryField() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"NO\",\"name\":\"Nor\\ud800way\",\"kind\":\"STATE\\u001b\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "kind"));
        assertEquals(before, storedEvents());
    }

    @Test
    void aLongCorrelationIdIsRefusedBeforeTheCommandRuns() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("X-Correlation-Id", "c".repeat(300))
                .body("{\"id\":\"PT\",\"name\":\"Portugal\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("X-Correlation-Id"));
        assertEquals(before, storedEvents());
    }

    @Test
    void aLongIdempotencyKeyIsRefusedBeforeTheCommandRuns() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body("{\"id\":\"PL\",\"name\":\"Poland\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(before, storedEvents());
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"LV\",\"name\":\"Latvia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true,\"flag\":\"red\"}")
                .post("/members").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("flag"));
        // a validation method is not a field either (it was listed in the OpenAPI document and accepted)
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"LV\",\"name\":\"Latvia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true,\"idFitForKind\":true}")
                .post("/members").then().statusCode(400).body("errors.field", hasItem("idFitForKind"));
        given().get("/q/openapi").then().body(org.hamcrest.Matchers.not(containsString("idFitForKind")));
        assertEquals(before, storedEvents());
    }

    @Test
    void aBodyOverOneMebibyteIs413() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"LT\",\"name\":\"" + "x".repeat(1_100_000) + "\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, storedEvents());
    }

    @Test
    void aListOverAThousandItemsIsRefused() throws Exception {
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"LU\",\"name\":\"Luxembourg\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(201);
        long before = storedEvents();
        StringBuilder reservations = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            reservations.append(i == 0 ? "" : ",").append("{\"article\":\"9\",\"text\":\"r\"}");
        }
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2014-01-16\",\"reservations\":"
                      + reservations + "]}")
                .post("/members/LU/instruments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reservations"));
        assertEquals(before, storedEvents());
    }

    /** A number is no id, a text no boolean (Jackson coerced them). */
    @Test
    void valuesHaveTheTypeOfTheirField() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":12345,\"name\":\"Twelve\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}")
                .post("/members").then().statusCode(400).body("errors.field", hasItem("id"));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"ORG-TYPED\",\"name\":\"Typed\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":\"false\"}")
                .post("/members").then().statusCode(400).body("errors.field", hasItem("councilOfEuropeMember"));
        assertEquals(before, storedEvents());
    }

    /** The treaties' rules add months to a date: near LocalDate.MAX that overflowed into a 500. */
    @Test
    void datesAreCalendarDatesOfTheRecord() throws Exception {
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"SK\",\"name\":\"Slovakia\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(201);
        long before = storedEvents();
        for (String date : new String[] {"+999999999-12-31", "2019-02-30", "0001-01-01", "20190101", "2019-1-1"}) {
            given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                    .body("{\"treaty\":\"ETS185\",\"signedOn\":\"" + date + "\"}")
                    .post("/members/SK/signatures").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("signedOn"));
        }
        assertEquals(before, storedEvents());
    }

    @Test
    void anIdempotencyKeyBelongsToItsPrincipal() throws Exception {
        String other = Tokens.forTests().token("another-clerk", "secretariat", Duration.ofHours(1));
        given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "shared-key-1").contentType(ContentType.JSON)
                .body("{\"id\":\"MT\",\"name\":\"Malta\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(201);
        given().auth().oauth2(other).header("Idempotency-Key", "shared-key-1").contentType(ContentType.JSON)
                .body("{\"id\":\"CY\",\"name\":\"Cyprus\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(201).body("id", equalTo("CY"));
    }

    @Test
    void concurrentRequestsWithOneKeyGetOneAnswer() throws Exception {
        String body = "{\"id\":\"IS\",\"name\":\"Iceland\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}";
        long before = storedEvents();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "iceland-1")
                        .contentType(ContentType.JSON).body(body).post("/members"));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<Response> answer : clients.invokeAll(requests)) {
                Response response = answer.get();
                assertEquals(201, response.statusCode(), response.asString());
                bodies.add(response.asString());
            }
            assertEquals(1, bodies.size(), "every request got the stored answer: " + bodies);
        } finally {
            clients.shutdownNow();
        }
        assertEquals(before + 1, storedEvents());
    }

    @Test
    void pathAndQueryParametersAreCheckedToo() {
        given().urlEncodingEnabled(false).auth().oauth2(SECRETARIAT).get("/members/E%00E").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        given().urlEncodingEnabled(false).auth().oauth2(SECRETARIAT).get("/members?asOf=2014%1B").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("asOf"));
    }

    /** Query parameters parse once (ParamConverters): a wrong one is a 400 that names it and says what it must be. */
    @Test
    void aQueryParameterOfTheWrongKindIsA400ThatNamesIt() {
        given().auth().oauth2(SECRETARIAT).get("/members?treaty=ETS999").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("treaty must be one of [ETS185, ETS189, CETS224], not 'ETS999'"));
        given().auth().oauth2(SECRETARIAT).get("/members?asOf=2014-02-30").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("asOf is not a date of the calendar"));
        given().auth().oauth2(SECRETARIAT).get("/members/FR?recordedAt=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("recordedAt is a UTC time like 2026-01-05T10:00:00Z, not 'yesterday'"));
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
