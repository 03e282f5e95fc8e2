package org.tcyledger.meetings.note.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * A guidance note of 1.2 MB used to be stored, refused by Kafka (RecordTooLarge) and retried for ever, so that nothing
 * meetings stored afterwards reached its topic. Now the body limit refuses it, and an event the topic could not take
 * is refused before it is stored (the limit lowered here: a body small enough to pass cannot reach the real one).
 */
@QuarkusTest
@TestProfile(GuidanceNoteLimitsTest.SmallEvents.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class GuidanceNoteLimitsTest {

    public static class SmallEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcy.events.max-bytes", "20000");
        }
    }

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");

    @Inject
    AgroalDataSource dataSource;

    private static String note(String id, String english) {
        return "{\"id\":\"" + id + "\",\"title\":\"Guidance Note on spam\",\"articles\":[\"2\"],"
               + "\"text\":{\"en\":\"" + english + "\"},\"englishOnly\":true}";
    }

    @Test
    void aNoteTooLargeForTheTopicIsRefusedAndTheNextOneIsPublished() throws Exception {
        long before = storedEvents();
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(note("gn-huge", "a".repeat(1_200_000)))
                .post("/guidance-notes").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(note("gn-large", "a".repeat(30_000)))
                .post("/guidance-notes").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("tcy.meetings.GuidanceNoteDrafted.v1"));
        assertEquals(before, storedEvents());
        // the publisher still moves: the answer waits until Kafka has the event, and says "pending" if not
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(note("gn-spam", "The T-CY notes …"))
                .post("/guidance-notes").then().statusCode(201).header("X-Tcy-Published", nullValue());
        assertEquals(before + 1, storedEvents());
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
