package org.tcyledger.projection.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.CheckpointKeyFiles;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.SignedRecord;
import org.tcyledger.testing.Tokens;

/**
 * The projection's audit log checked against the sources' signed checkpoints: the last event of a stream deleted from
 * the log used to leave a shorter chain that still verified; once a checkpoint covers that event, it is a break.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class AuditCheckpointsTest {

    private static final String AUDITOR = Tokens.forTests().token("auditor");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static List<Map<String, Object>> breaksOf(JsonPath verification, String subject) {
        return verification.<Map<String, Object>>getList("breaks").stream()
                .filter(found -> subject.equals(found.get("subject"))).toList();
    }

    @Test
    void aLastEventDeletedFromTheLogIsMissingFromWhatTheSourceSigned() throws Exception {
        SignedRecord meetings = new SignedRecord("meetings", new EventCatalog(MeetingEvent.class),
                CheckpointKeyFiles.forTests().signer("meetings"));
        meetings.append("T-CY-CP", new MeetingEvent.MeetingScheduled("T-CY-CP", MeetingKind.PLENARY, "A plenary",
                "Strasbourg", LocalDate.parse("2016-11-14"), LocalDate.parse("2016-11-16")));
        meetings.append("T-CY-CP", new MeetingEvent.MeetingOpened("T-CY-CP"));
        meetings.checkpoint();
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, meetings.events().toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(AUDITOR)
                .queryParam("source", "/tcy/meetings").queryParam("subject", "@checkpoints").get("/audit/events")
                .then().statusCode(200).body("events.size()", equalTo(1)));

        JsonPath honest = given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), breaksOf(honest, "T-CY-CP"));
        assertEquals(List.of(), breaksOf(honest, "@checkpoints"));
        Map<String, Object> source = honest.<Map<String, Object>>getList("sources").stream()
                .filter(report -> "/tcy/meetings".equals(report.get("source"))).findFirst().orElseThrow();
        assertEquals(1, source.get("checkpoints"));

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE subject = 'T-CY-CP' AND sequence = 1");
            assertEquals(1, sql.executeUpdate("DELETE FROM audit_event WHERE subject = 'T-CY-CP' AND sequence = 1"));
            try {
                JsonPath cut = given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                        .body("verified", equalTo(false)).extract().jsonPath();
                List<Map<String, Object>> breaks = breaksOf(cut, "T-CY-CP");
                assertTrue(breaks.stream().anyMatch(found -> ((Number) found.get("sequence")).intValue() == 1
                        && found.get("reason").toString().contains("checkpoint 0 covers sequence 1")), breaks.toString());
            } finally {
                sql.executeUpdate("INSERT INTO audit_event SELECT * FROM kept");
            }
        }
        assertEquals(List.of(), breaksOf(given().auth().oauth2(AUDITOR).get("/audit/verify").then().extract().jsonPath(),
                "T-CY-CP"));
    }
}
