package org.tcyledger.endtoend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;

/**
 * Two instances of meetings and of the projection on one database and one broker, as a team scaling out would run
 * them. Each instance's consumers are assigned half of the partitions: a replica's catch-up used to count the
 * partitions its instance was never assigned (every attendance answered 503 on both), and a rebuild in one of two
 * projections compared with positions its instance never held (never equal). When one instance stops, the other
 * takes its partitions over at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String SECRETARIAT = TOKENS.token("secretariat");
    private static final String OBSERVER = TOKENS.token("observer");
    private static final String AUDITOR = TOKENS.token("auditor");

    private static Infrastructure infrastructure;
    private static ServiceProcess membership;
    private static ServiceProcess meetingsA;
    private static ServiceProcess meetingsB;
    private static ServiceProcess projectionA;
    private static ServiceProcess projectionB;

    @BeforeAll
    static void startServices() {
        infrastructure = Infrastructure.forTests();
        membership = ServiceProcess.start("membership", infrastructure, "tcy_membership", TOKENS, Map.of());
        meetingsA = ServiceProcess.start("meetings", infrastructure, "tcy_meetings", TOKENS, Map.of());
        meetingsB = ServiceProcess.start("meetings", infrastructure, "tcy_meetings", TOKENS, Map.of());
        Map<String, String> keyholder = Map.of("tcy.keyholder.url", membership.url(),
                "tcy.keyholder.token", TOKENS.keyholder());
        projectionA = ServiceProcess.start("projection", infrastructure, "tcy_projection", TOKENS, keyholder);
        projectionB = ServiceProcess.start("projection", infrastructure, "tcy_projection", TOKENS, keyholder);
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess service : new ServiceProcess[] {projectionB, projectionA, meetingsB, meetingsA, membership}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyInstanceAnswersFromItsReplicaAndARebuildInEitherIsEqual() {
        given().baseUri(meetingsA.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"T-CY-15\",\"kind\":\"PLENARY\",\"title\":\"15th Plenary\",\"venue\":\"Strasbourg\","
                      + "\"startsOn\":\"2016-05-24\",\"endsOn\":\"2016-05-25\"}")
                .post("/meetings").then().statusCode(201);
        String[] parties = {"AM", "AT", "AZ", "BE", "BA", "BG", "CH", "CZ", "DK", "ES"};
        for (int i = 0; i < parties.length; i++) {
            String id = parties[i];
            post(membership, "/members", "{\"id\":\"" + id + "\",\"name\":\"State " + id + "\",\"kind\":\"STATE\","
                                         + "\"councilOfEuropeMember\":true}");
            post(membership, "/members/" + id + "/signatures", "{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}");
            post(membership, "/members/" + id + "/instruments",
                    "{\"treaty\":\"ETS185\",\"kind\":\"RATIFICATION\",\"depositedOn\":\"2010-01-1" + (i % 10) + "\"}");
            // no sleep: whichever instance answers, its replica has caught up with what membership published
            ServiceProcess meetings = i % 2 == 0 ? meetingsA : meetingsB;
            given().baseUri(meetings.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                    .body("{\"memberId\":\"" + id + "\"}").post("/meetings/T-CY-15/attendance").then()
                    .statusCode(201).body("capacity", equalTo("PARTY"))
                    // published, whichever instance's publisher holds the claim (the other used to wait 2 s and
                    // answer "pending")
                    .header("X-Tcy-Published", nullValue());
        }
        for (ServiceProcess projection : new ServiceProcess[] {projectionA, projectionB}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(projection.url())
                    .auth().oauth2(OBSERVER).get("/meetings/T-CY-15/outcomes").then().statusCode(200)
                    .body("attendance.PARTY.size()", equalTo(parties.length)));
            String location = given().baseUri(projection.url()).auth().oauth2(AUDITOR).post("/audit/rebuild").then()
                    .statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    given().baseUri(projection.url()).auth().oauth2(AUDITOR).get(location).then().statusCode(200)
                            .body("state", equalTo("DONE")));
            given().baseUri(projection.url()).auth().oauth2(AUDITOR).get(location).then()
                    .body("equal", equalTo(true)).body("switched", equalTo(true));
        }
        // one rebuild at a time across instances
        String first = given().baseUri(projectionA.url()).auth().oauth2(AUDITOR).post("/audit/rebuild").then()
                .statusCode(202).extract().header("Location");
        given().baseUri(projectionB.url()).auth().oauth2(AUDITOR).post("/audit/rebuild").then().statusCode(409)
                .body("rule", equalTo("one-rebuild-at-a-time"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(projectionA.url())
                .auth().oauth2(AUDITOR).get(first).then().body("state", equalTo("DONE")).body("equal", equalTo(true)));
    }

    /**
     * An instance stopped in the middle of a batch finishes the batch, commits it and leaves its consumer groups
     * before it exits. It used to go on shutting down while its consumers were still at work: the pool closed their
     * connections under them (each batch failed, "Error Occurred After Shutdown"), and a consumer the JVM's exit
     * overtook stayed a member of its group until its session timed out (45 s), its partitions with no one meanwhile;
     * the bench's deletion of the projection's groups, right after a flood of republished events, failed on that
     * ("the group is not empty").
     */
    @Test
    @Order(2)
    void anInstanceStoppedMidBatchFinishesItLeavesItsGroupsAndTheOtherTakesItsPartitions() throws Exception {
        List<String> groups = List.of("projection-meetings", "projection-audit", "projection-guidance-notes");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()));
             Connection lock = DriverManager.getConnection(infrastructure.jdbcUrl("tcy_projection"),
                     infrastructure.user(), infrastructure.password())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String group : groups) {
                    assertEquals(2, members(admin, group).members().size(), group);
                }
            });
            // a batch that takes its time: no consumer can record what it applies until the lock goes
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE consumed_event IN EXCLUSIVE MODE");
            for (int i = 0; i < 12; i++) { // keys on every partition, so on B's too
                given().baseUri(meetingsA.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                        .body("{\"id\":\"T-CY-" + (20 + i) + "\",\"kind\":\"PLENARY\",\"title\":\"Plenary " + i
                              + "\",\"venue\":\"Strasbourg\",\"startsOn\":\"2016-11-14\",\"endsOn\":\"2016-11-14\"}")
                        .post("/meetings").then().statusCode(201);
            }
            // the consumers have polled and wait on the lock: six groups of each instance read the meetings' topic,
            // so more than six waiting means some of B's
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                try (Connection look = DriverManager.getConnection(infrastructure.jdbcUrl("tcy_projection"),
                        infrastructure.user(), infrastructure.password());
                     java.sql.ResultSet waiting = look.createStatement().executeQuery("SELECT count(*) FROM pg_locks "
                             + "WHERE NOT granted AND relation = 'consumed_event'::regclass")) {
                    waiting.next();
                    assertTrue(waiting.getInt(1) > 6, "waiting: " + waiting.getInt(1));
                }
            });
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    lock.rollback();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            ServiceProcess stopped = projectionB;
            projectionB = null;
            stopped.close();
            release.join();
            String log = stopped.logText();
            assertEquals(List.of(), log.lines().filter(line -> line.contains(" ERROR ")).toList(),
                    "a consumer of the stopped instance failed as it stopped");
            // right after the process has gone, well within the session timeout of 45 s
            for (String group : groups) {
                assertEquals(1, members(admin, group).members().size(),
                        group + " still counts the stopped instance as a member");
            }
        }
        // every meeting shows in A, whichever partition it is in (B applied its own before it left)
        for (int i = 0; i < 12; i++) {
            String id = "T-CY-" + (20 + i);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(projectionA.url())
                    .auth().oauth2(OBSERVER).get("/meetings/" + id + "/outcomes").then().statusCode(200));
        }
    }

    private static ConsumerGroupDescription members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    }

    private static void post(ServiceProcess service, String path, String body) {
        given().baseUri(service.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(201);
    }
}
