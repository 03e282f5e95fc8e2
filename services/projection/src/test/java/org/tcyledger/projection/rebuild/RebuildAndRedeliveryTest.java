package org.tcyledger.projection.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.ConsumerRunner;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The read models are a function of the topics: delivering an event again changes nothing, a gap is reported rather
 * than papered over, and a rebuild from offset 0 gives the same tables (and takes over only when it does).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class RebuildAndRedeliveryTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ConsumerRunner runner;

    private void publish(List<EventEnvelope> envelopes) {
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, envelopes.toArray(EventEnvelope[]::new));
    }

    /** A plenary that adopts a note, as meetings would publish it. */
    private static List<EventEnvelope> plenaryAdoptingANote(String meetingId, String noteId) {
        PublishedStream note = new PublishedStream(MEETINGS, "/tcy/meetings", noteId);
        PublishedStream meeting = new PublishedStream(MEETINGS, "/tcy/meetings", meetingId);
        LocalDate day = LocalDate.parse("2014-12-03");
        return List.of(
                note.next(new GuidanceNoteEvent.GuidanceNoteDrafted(noteId, 1, "Guidance Note " + noteId, List.of("32"),
                        new GuidanceNoteEvent.Texts("Transborder access …", "L'accès transfrontière …"), false)),
                meeting.next(new MeetingEvent.MeetingScheduled(meetingId, MeetingKind.PLENARY, "Plenary " + meetingId,
                        "Strasbourg", LocalDate.parse("2014-12-02"), day)),
                meeting.next(new MeetingEvent.AgendaItemAdded(meetingId, "i1", "Guidance notes", List.of("T-CY(2014)7"))),
                meeting.next(new MeetingEvent.AgendaItemAdded(meetingId, "i2", "Assessments", List.of("T-CY(2014)1"))),
                meeting.next(new MeetingEvent.MeetingOpened(meetingId)),
                meeting.next(new MeetingEvent.DecisionAdopted(meetingId, "d1", "i1", DecisionKind.ADOPT_GUIDANCE_NOTE,
                        noteId, 1, "The T-CY adopted " + noteId, MeetingEvent.Vote.consensus(), day, 2, 1)),
                note.next(new GuidanceNoteEvent.GuidanceNoteAdopted(noteId, 1, meetingId, "d1", day)));
    }

    private void awaitAdopted(String meetingId, String noteId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("meetingId", meetingId).get("/guidance-notes").then()
                        .statusCode(200).body("id", hasItem(noteId)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).get("/meetings/" + meetingId + "/outcomes").then().statusCode(200)
                        .body("decisions.size()", equalTo(1)));
    }

    /** Every read-model row of the live tables, without the moment it was consumed or its consumption-order serial. */
    private Map<String, List<String>> readModels() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_name NOT IN ('flyway_schema_history', 'consumed_gap', "
                    + "'read_model_rebuild')")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                List<String> content = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "SELECT (to_jsonb(t) - 'consumed_at' - 'position')::text FROM " + name + " t")) {
                    while (rows.next()) {
                        content.add(rows.getString(1));
                    }
                }
                Collections.sort(content);
                tables.put(name, content);
            }
        }
        return tables;
    }

    /** A replay under fresh ids is recorded as seen (so that {@code ?after=} on it answers) but applies nothing. */
    private static Map<String, List<String>> withoutBookkeeping(Map<String, List<String>> tables) {
        tables.keySet().removeIf(table -> table.startsWith("consumed_"));
        return tables;
    }

    private long duplicatesSkipped(String group) {
        return runner.statuses().stream().filter(status -> status.group().equals(group)).findFirst().orElseThrow()
                .duplicates();
    }

    @Test
    void duplicatedAndReplayedDeliveriesLeaveTheReadModelsUnchanged() throws Exception {
        List<EventEnvelope> history = plenaryAdoptingANote("T-CY-DUP", "gn-dup");
        publish(history);
        awaitAdopted("T-CY-DUP", "gn-dup");
        Map<String, List<String>> before = withoutBookkeeping(readModels());
        List<String> meetingsGroups = runner.consumers().stream()
                .filter(consumer -> consumer.topics().contains(Topics.MEETINGS)).map(c -> c.group()).toList();
        Map<String, Long> skippedBefore = new TreeMap<>();
        meetingsGroups.forEach(group -> skippedBefore.put(group, duplicatesSkipped(group)));

        // the same records again, twice (a producer retry), then the whole history replayed under fresh event ids
        // (an upstream replay): nothing may be applied a second time
        publish(history);
        publish(List.of(history.get(1), history.get(5), history.get(6)));
        List<EventEnvelope> replayed = plenaryAdoptingANote("T-CY-DUP", "gn-dup");
        publish(replayed);
        int redelivered = history.size() + 3 + replayed.size();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> meetingsGroups.forEach(group ->
                assertEquals(skippedBefore.get(group) + redelivered, duplicatesSkipped(group), group)));

        assertEquals(before, withoutBookkeeping(readModels()));
        given().auth().oauth2(OBSERVER).get("/meetings/T-CY-DUP/outcomes").then().statusCode(200)
                .body("decisions.size()", equalTo(1)).body("agenda.size()", equalTo(2));
    }

    @Test
    void aSequenceGapIsReportedInHealthAndInVerifyUntilTheMissingEventArrives() {
        PublishedStream stream = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY-GAP");
        EventEnvelope scheduled = stream.next(new MeetingEvent.MeetingScheduled("T-CY-GAP", MeetingKind.PLENARY,
                "A plenary with a gap", "Strasbourg", LocalDate.parse("2015-06-15"), LocalDate.parse("2015-06-17")));
        EventEnvelope missing = stream.next(new MeetingEvent.AgendaItemAdded("T-CY-GAP", "i1", "Opening", List.of()));
        EventEnvelope early = stream.next(new MeetingEvent.MeetingOpened("T-CY-GAP"));
        publish(List.of(scheduled, early));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'consumers' }.data.sequenceGaps", containsString("T-CY-GAP")));
        given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200).body("verified", equalTo(false))
                .body("breaks.find { it.subject == 'T-CY-GAP' }.sequence", equalTo(1))
                .body("breaks.find { it.subject == 'T-CY-GAP' }.reason", containsString("expected 1, received 2"));

        // the publisher delivers the missing event and the held-back one again: the gap heals
        publish(List.of(missing, early));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                        .body("breaks.subject", not(hasItem("T-CY-GAP"))));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'consumers' }.data.sequenceGaps", equalTo(null));
        given().auth().oauth2(OBSERVER).get("/meetings/T-CY-GAP/outcomes").then().statusCode(200)
                .body("agenda.size()", equalTo(1));
    }

    /**
     * Under load the consumers commit their offsets at most every 200 ms (the database says what was applied): once
     * the topic goes quiet every group has committed the end of it, so that another instance taking a partition over,
     * or a replica's catch-up check from another instance, does not wait for a commit that never comes.
     */
    @Test
    void theOffsetsOfWhatWasAppliedAreCommittedOnceTheTopicGoesQuiet() throws Exception {
        publish(plenaryAdoptingANote("T-CY-OFFSETS", "gn-offsets"));
        awaitAdopted("T-CY-OFFSETS", "gn-offsets");
        List<String> groups = runner.consumers().stream()
                .filter(consumer -> consumer.topics().contains(Topics.MEETINGS)).map(TopicConsumer::group).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of(Topics.MEETINGS)).allTopicNames().get().get(Topics.MEETINGS).partitions()
                    .forEach(info -> partitions.put(new TopicPartition(Topics.MEETINGS, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    ends.forEach((partition, end) -> assertEquals(end,
                            committed.containsKey(partition) ? committed.get(partition).offset() : 0L,
                            group + " has committed " + partition + " up to its end"));
                }
            });
        }
    }

    private Response rebuildAndWait() {
        String location = given().auth().oauth2(AUDITOR).post("/audit/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING")).extract().header("Location");
        String path = location.substring(location.indexOf("/audit/rebuild/"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(AUDITOR).get(path).then().statusCode(200).extract().path("state")));
        return given().auth().oauth2(AUDITOR).get(path);
    }

    @Test
    void aRebuildFromOffsetZeroEqualsTheLiveReadModelsAndTakesOver() throws Exception {
        publish(plenaryAdoptingANote("T-CY-RB", "gn-rebuild"));
        awaitAdopted("T-CY-RB", "gn-rebuild");
        Map<String, List<String>> live = readModels();

        Response report = rebuildAndWait();
        report.then().log().ifValidationFails().body("state", equalTo("DONE")).body("equal", equalTo(true)).body("switched", equalTo(true)).body("differences.size()", equalTo(0))
                .body("events", greaterThan(0)).body("eventsPerSecond", greaterThan(0))
                .body("readModels.group", hasItem("projection-guidance-notes"))
                .body("readModels.group", hasItems("projection-bureau", "projection-working-bodies"));
        assertEquals(live, readModels(), "the rebuilt tables serve exactly what the live ones did");

        // the live consumers carry on into the switched-in tables
        publish(plenaryAdoptingANote("T-CY-AFTER", "gn-after-rebuild"));
        awaitAdopted("T-CY-AFTER", "gn-after-rebuild");
        given().auth().oauth2(AUDITOR).queryParam("subject", "T-CY-AFTER").get("/audit/events").then()
                .body("events.size()", equalTo(5));
        given().auth().oauth2(OBSERVER).post("/audit/rebuild").then().statusCode(403);
    }

    @Test
    void aRebuildThatFindsADifferenceReportsItAndLeavesTheLiveTablesServing() throws Exception {
        publish(plenaryAdoptingANote("T-CY-TAMPER", "gn-tamper"));
        awaitAdopted("T-CY-TAMPER", "gn-tamper");
        execute("UPDATE note_version SET title = 'Tampered' WHERE note_id = 'gn-tamper'");
        try {
            Response report = rebuildAndWait();
            report.then().body("state", equalTo("DONE")).body("equal", equalTo(false)).body("switched", equalTo(false)).body("differences.size()", equalTo(1))
                    .body("differences[0].table", equalTo("note_version"))
                    .body("differences[0].onlyLive", equalTo(1)).body("differences[0].onlyRebuilt", equalTo(1))
                    .body("differences[0].columns", equalTo(List.of("title")))
                    .body("differences[0].examples", equalTo(null)).body("keptUntil", org.hamcrest.Matchers.notNullValue());
            given().auth().oauth2(OBSERVER).get("/guidance-notes/gn-tamper").then().body("[0].title", equalTo("Tampered"));
            execute("DROP SCHEMA " + report.path("schema") + " CASCADE");
        } finally {
            execute("UPDATE note_version SET title = 'Guidance Note gn-tamper' WHERE note_id = 'gn-tamper'");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
