package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.StoredEvents;
import org.tcyledger.testing.Tokens;

/**
 * A command whose transaction stayed open longer than the event store's gap timeout (a stalled writer: here it waits
 * on a row another session holds, after its event took its global index) used to commit in the end, be acknowledged,
 * and never be published: the publisher had stopped waiting for that index (Axon #4829). Its transaction is now cut
 * at half the gap timeout: 503, nothing stored, and the same request goes through once the stall is over.
 */
@QuarkusTest
@TestProfile(StalledWriterTest.ShortGapTimeout.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class StalledWriterTest {

    public static class ShortGapTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcy.axon.gap-timeout-ms", "2000");
        }
    }

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String BODY = "{\"id\":\"ORG-STALLED\",\"name\":\"An organisation\",\"kind\":\"ORGANISATION\","
                                       + "\"councilOfEuropeMember\":false}";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aStalledCommandIsCutBeforeThePublisherWouldSkipItsEvent() throws Exception {
        // warm: the first request of a fresh application spends a second before its transaction begins
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(BODY.replace("ORG-STALLED", "ORG-WARM"))
                .post("/members").then().statusCode(201);
        long before = StoredEvents.count(dataSource);
        try (Connection stall = dataSource.getConnection()) {
            stall.setAutoCommit(false);
            try (PreparedStatement hold = stall.prepareStatement("INSERT INTO idempotency_key (principal, "
                    + "idempotency_key, request_hash, status, response) VALUES ('secretariat-user', 'stalled-1', ?, 0, '{}')")) {
                hold.setString(1, "0".repeat(64));
                hold.executeUpdate();
            }
            long started = System.nanoTime();
            // bounded: before the fix the command waited here until the stall ended, which this thread ends only after
            given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                            .httpClientConfig().setParam("http.socket.timeout", 10_000)))
                    .auth().oauth2(SECRETARIAT).header("Idempotency-Key", "stalled-1").contentType(ContentType.JSON)
                    .body(BODY).post("/members").then().statusCode(503).header("Retry-After", "1")
                    .contentType("application/problem+json");
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(tookMs < 2_000, "cut after " + tookMs + " ms");
            stall.rollback();
        }
        assertEquals(before, StoredEvents.count(dataSource));
        given().auth().oauth2(SECRETARIAT).header("Idempotency-Key", "stalled-1").contentType(ContentType.JSON)
                .body(BODY).post("/members").then().statusCode(201).header("X-Tcy-Published", nullValue());
        assertEquals(before + 1, StoredEvents.count(dataSource));
    }
}
