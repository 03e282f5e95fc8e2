package org.tcyledger.projection.observer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/** What every observer list has in common: filters, pages, ETags, and an OpenAPI document with examples. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class ReadApiTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private EventEnvelope schedule(String id, MeetingKind kind, String startsOn) {
        return new PublishedStream(MEETINGS, "/tcy/meetings", id).next(new MeetingEvent.MeetingScheduled(id, kind,
                "Meeting " + id, "Strasbourg", LocalDate.parse(startsOn), LocalDate.parse(startsOn).plusDays(1)));
    }

    @Test
    void meetingListsFilterByDateAndKindAndComeInPages() {
        List<EventEnvelope> scheduled = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            scheduled.add(schedule("API-P" + day, MeetingKind.PLENARY, "1999-03-0" + day));
        }
        scheduled.add(schedule("API-B1", MeetingKind.BUREAU, "1999-03-04"));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, scheduled.toArray(EventEnvelope[]::new));
        String last = scheduled.get(scheduled.size() - 1).id();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("from", "1999-03-01").queryParam("to", "1999-03-31")
                        .get("/meetings").then().statusCode(200).header("X-Total-Count", "8"));
        given().auth().oauth2(OBSERVER).queryParam("after", last).queryParam("from", "1999-03-01")
                .queryParam("to", "1999-03-31").queryParam("kind", "PLENARY").queryParam("size", 3).get("/meetings")
                .then().statusCode(200).header("X-Total-Count", "7").body("id", contains("API-P1", "API-P2", "API-P3"))
                .header("Link", containsString("page=1")).header("Link", containsString("rel=\"next\""))
                .header("Link", not(containsString("rel=\"prev\"")));
        given().auth().oauth2(OBSERVER).queryParam("from", "1999-03-01").queryParam("to", "1999-03-31")
                .queryParam("kind", "PLENARY").queryParam("size", 3).queryParam("page", 2).get("/meetings").then()
                .statusCode(200).body("id", contains("API-P7")).header("Link", containsString("rel=\"prev\""))
                .header("Link", not(containsString("rel=\"next\"")));
        given().auth().oauth2(OBSERVER).queryParam("from", "1999-03-03").queryParam("to", "1999-03-04")
                .get("/meetings").then().body("id", contains("API-P3", "API-B1", "API-P4"));
        given().auth().oauth2(OBSERVER).queryParam("size", 501).get("/meetings").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(OBSERVER).queryParam("page", -1).get("/guidance-notes").then().statusCode(400);
        // page × size used to overflow an int into a 500
        for (String list : List.of("/meetings", "/guidance-notes", "/assessment-reports", "/members")) {
            given().auth().oauth2(OBSERVER).queryParam("page", 4294968).queryParam("size", 500).get(list).then()
                    .statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(OBSERVER).queryParam("page", "99999999999").get(list).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(OBSERVER).queryParam("page", 10_000).queryParam("size", 500).get("/meetings").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.empty());
        given().auth().oauth2(OBSERVER).queryParam("from", "March 1999").get("/assessment-reports").then().statusCode(400)
                .body("detail", containsString("from"));
        given().auth().oauth2(OBSERVER).queryParam("kind", "PERSON").get("/members").then().statusCode(400);
    }

    /**
     * Readers waiting for an event id that never comes used to hold a worker thread each for 5 s: enough of them at
     * once left none for anybody else. They now hold no thread while they wait.
     */
    @Test
    void readersWaitingForAnEventHoldNoWorkerThread() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(80);
        try {
            List<java.util.concurrent.Future<Integer>> waiting = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String never = java.util.UUID.randomUUID().toString();
                waiting.add(clients.submit(() -> given().auth().oauth2(OBSERVER).queryParam("after", never)
                        .get("/members").statusCode()));
            }
            Thread.sleep(500);
            long start = System.nanoTime();
            given().auth().oauth2(OBSERVER).get("/meetings").then().statusCode(200);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(tookMs < 2_500,
                    "a plain read waited " + tookMs + " ms behind readers of an event that never comes");
            for (java.util.concurrent.Future<Integer> reader : waiting) {
                org.junit.jupiter.api.Assertions.assertEquals(503, reader.get());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void notesFilterByArticleAndAdoptionDate() {
        PublishedStream a = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-api-a");
        PublishedStream b = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-api-b");
        GuidanceNoteEvent.Texts texts = new GuidanceNoteEvent.Texts("…", "…");
        EventEnvelope lastEvent = b.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-api-b", 1, "B", List.of("19"),
                texts, false));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                a.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-api-a", 1, "A", List.of("18", "32"), texts, false)),
                a.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-api-a", 1, "API-P1", "d1", LocalDate.parse("1999-03-02"))),
                lastEvent,
                b.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-api-b", 1, "API-P5", "d1", LocalDate.parse("1999-03-06"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("from", "1999-03-01").queryParam("to", "1999-03-31")
                        .get("/guidance-notes").then().statusCode(200).body("id", contains("gn-api-a", "gn-api-b")));
        given().auth().oauth2(OBSERVER).queryParam("article", "32").queryParam("to", "1999-12-31").get("/guidance-notes")
                .then().body("id", contains("gn-api-a"));
        given().auth().oauth2(OBSERVER).queryParam("from", "1999-03-03").queryParam("to", "1999-03-31")
                .get("/guidance-notes").then().body("id", contains("gn-api-b")).header("X-Total-Count", "1");
    }

    @Test
    void anUnchangedListAnswers304ToItsETagAndAChangedOneDoesNot() {
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, schedule("API-ETAG-1", MeetingKind.PLENARY, "1998-01-05"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("from", "1998-01-01").queryParam("to", "1998-12-31")
                        .get("/meetings").then().body("id", contains("API-ETAG-1")));
        String tag = given().auth().oauth2(OBSERVER).queryParam("from", "1998-01-01").queryParam("to", "1998-12-31")
                .get("/meetings").then().statusCode(200).header("ETag", not(emptyOrNullString())).extract().header("ETag");
        given().auth().oauth2(OBSERVER).queryParam("from", "1998-01-01").queryParam("to", "1998-12-31")
                .header("If-None-Match", tag).get("/meetings").then().statusCode(304).header("ETag", equalTo(tag))
                .body(emptyOrNullString());

        EventEnvelope second = schedule("API-ETAG-2", MeetingKind.PLENARY, "1998-02-05");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, second);
        String changed = given().auth().oauth2(OBSERVER).queryParam("from", "1998-01-01").queryParam("to", "1998-12-31")
                .queryParam("after", second.id()).header("If-None-Match", tag).get("/meetings").then().statusCode(200)
                .body("id", contains("API-ETAG-1", "API-ETAG-2")).extract().header("ETag");
        assertNotEquals(tag, changed);

        // the secretariat also sees drafts: the same URL is another representation, with another tag
        EventEnvelope draft = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-api-draft").next(
                new GuidanceNoteEvent.GuidanceNoteDrafted("gn-api-draft", 1, "Draft", List.of("18"),
                        new GuidanceNoteEvent.Texts("…", null), false));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, draft);
        String observers = given().auth().oauth2(OBSERVER).queryParam("after", draft.id()).get("/guidance-notes")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(SECRETARIAT).header("If-None-Match", observers).get("/guidance-notes").then()
                .statusCode(200).header("ETag", not(equalTo(observers)));
        given().auth().oauth2(OBSERVER).get("/meetings/API-ETAG-1/outcomes").then().statusCode(200)
                .header("ETag", not(emptyOrNullString())).header("Vary", containsString("Authorization"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithAnExample() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        List<String> described = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode json = null;
                for (JsonNode response : operation.getValue().path("responses")) {
                    if (response.path("content").has("application/json")) {
                        json = response.path("content").path("application/json");
                    }
                }
                boolean complete = operation.getValue().has("summary") && json != null
                                   && (json.has("examples") || json.has("example")) && json.has("schema");
                (complete ? described : missing).add(name);
            }
        }
        assertTrue(missing.isEmpty(), "without summary, schema or example: " + missing + " e.g. " + document.get("paths").get("/meetings"));
        assertTrue(described.containsAll(List.of("GET /guidance-notes", "GET /meetings/{id}/outcomes", "GET /members",
                "GET /assessment-reports/{cycleId}", "GET /consultations/{id}/summary", "GET /audit/verify",
                "POST /audit/rebuild", "GET /audit/rebuild/{id}", "GET /treaties/{id}/chart", "GET /network",
                "GET /bureau", "GET /working-bodies", "GET /working-bodies/{id}", "GET /indicators")),
                "described: " + described);
    }
}
