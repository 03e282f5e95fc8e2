package org.tcyledger.meetings.note.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * A record Kafka refuses for good used to stop meetings' publisher silently: it retried the same batch for ever and
 * nothing said so. The producer's limit is lowered here below what the store takes: the alarm is raised in readiness
 * (DOWN, with the reason) and in the metrics, the publisher's lag counts what waits, and nothing is skipped.
 */
@QuarkusTest
@TestProfile(PublisherAlarmTest.SmallRecords.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class PublisherAlarmTest {

    public static class SmallRecords implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcy.kafka.max-request-bytes", "20000", "tcy.commands.await-published-ms", "500");
        }
    }

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    private static String note(String id, String english) {
        return "{\"id\":\"" + id + "\",\"title\":\"Guidance Note\",\"articles\":[\"2\"],"
               + "\"text\":{\"en\":\"" + english + "\"},\"englishOnly\":true}";
    }

    @Test
    void aRecordKafkaRefusesRaisesTheAlarmAndNothingIsSkipped() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("lagEvents"));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(note("gn-too-big", "a".repeat(30_000)))
                .post("/guidance-notes").then().statusCode(201).header("X-Tcy-Published", equalTo("pending"));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(note("gn-after", "b"))
                .post("/guidance-notes").then().statusCode(201).header("X-Tcy-Published", equalTo("pending"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503).body("checks.find { it.name == 'publisher' }.data.alarm", containsString("RecordTooLargeException"))
                .body("checks.find { it.name == 'publisher' }.data.lagEvents", greaterThanOrEqualTo(2)));
        given().get("/q/metrics").then().statusCode(200).body(containsString("tcy_publisher_alarm 1.0"))
                .body(containsString("tcy_publisher_lag_events")).body(containsString("tcy_publisher_refused_total"));
    }
}
