package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.eventsourcing.checkpoint.CheckpointWriter;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * Membership verifies its own event store: an event edited in place, or a stream's last event deleted, used to change
 * what the service answers while every verification stayed green. Now each is a break that names the stream and the
 * sequence, found against the chain, the chain head and the signed checkpoint that covers it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class StoreVerificationTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String AUDITOR = Tokens.forTests().token("auditor");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CheckpointWriter checkpoints;

    private static void register(String id) {
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"An organisation\",\"kind\":\"ORGANISATION\","
                      + "\"councilOfEuropeMember\":false}")
                .post("/members").then().statusCode(201);
    }

    private static List<Map<String, Object>> breaksOf(String subject) {
        JsonPath verification = given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                .body("source", equalTo("/tcy/membership")).extract().jsonPath();
        return verification.<Map<String, Object>>getList("breaks").stream()
                .filter(found -> subject.equals(found.get("subject"))).toList();
    }

    @Test
    void theKeysArePublicAndNameTheService() {
        given().get("/checkpoints/keys").then().statusCode(200)
                .body("keys[0].kty", equalTo("OKP")).body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].kid", startsWith("membership/"));
        given().auth().oauth2(Tokens.forTests().token("observer")).get("/audit/verify").then().statusCode(403);
    }

    /**
     * The writer streams the signed heads from the store in the Merkle leaves' order (the subjects' bytes); an auditor
     * sorts them itself. Here the heads' table is given a language's collation (ICU, punctuation ignored), under which
     * "MERKLE-AB-Z" comes after "MERKLE-ABA" where its bytes put it before, as a database created with such a default
     * would: the writer must still read them by their bytes. The second checkpoint adds heads between those the first
     * signed; any other order is a root that does not verify, or no checkpoint at all.
     */
    @Test
    void checkpointsSignTheRootAnAuditorComputesFromTheHeadsWhateverTheDatabasesCollation() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE COLLATION IF NOT EXISTS punctuation_ignored (provider = icu, locale = 'und-u-ka-shifted')");
            sql.execute("ALTER TABLE checkpointed_head ALTER COLUMN aggregate_identifier TYPE VARCHAR(255) "
                        + "COLLATE punctuation_ignored");
            try (var order = sql.executeQuery("SELECT 'MERKLE-ABA' < 'MERKLE-AB-Z' COLLATE punctuation_ignored")) {
                order.next();
                assertTrue(order.getBoolean(1), "the collation puts MERKLE-ABA first, its bytes do not");
            }
            try {
                register("MERKLE-ABA");
                register("MERKLE-AC");
                assertFalse(checkpoints.write(true).isEmpty());
                register("MERKLE-AB-Z");
                register("MERKLE-AA");
                List<CheckpointWriter.Written> second = checkpoints.write(true);
                assertFalse(second.isEmpty());
                assertTrue(second.get(0).changed() >= 2, second.toString());
            } finally {
                sql.execute("ALTER TABLE checkpointed_head ALTER COLUMN aggregate_identifier TYPE VARCHAR(255) "
                            + "COLLATE \"default\"");
            }
        }
        JsonPath verification = given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> rootBreaks = verification.<Map<String, Object>>getList("breaks").stream()
                .filter(found -> found.get("reason").toString().contains("do not give the root it signed")
                                 || found.get("reason").toString().contains("events, its heads hold")
                                 || found.get("reason").toString().contains("have no Merkle root")
                                 || found.get("reason").toString().contains("does not follow the checkpoint before it")
                                 || found.get("reason").toString().contains("signature")
                                 || found.get("reason").toString().contains("signed by")).toList();
        assertTrue(rootBreaks.isEmpty(), rootBreaks.toString());
        assertTrue(verification.getInt("checkpoints") >= 2);
    }

    @Test
    void anEditedPayloadAndACutOffLastEventAreBreaksOfTheStoreItself() throws Exception {
        register("ORG-VERIFY-1");
        register("ORG-VERIFY-2");
        assertFalse(checkpoints.write(true).isEmpty(), "a checkpoint covers both registrations");
        given().auth().oauth2(AUDITOR).get("/audit/verify").then().statusCode(200)
                .body("checkpoints", org.hamcrest.Matchers.greaterThan(0));
        assertTrue(breaksOf("ORG-VERIFY-1").isEmpty());
        assertTrue(breaksOf("ORG-VERIFY-2").isEmpty());

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE kept AS SELECT * FROM domain_event_entry "
                        + "WHERE aggregate_identifier IN ('ORG-VERIFY-1', 'ORG-VERIFY-2')");
            sql.executeUpdate("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                              + "'UTF8'), 'An organisation', 'Another name'), 'UTF8') "
                              + "WHERE aggregate_identifier = 'ORG-VERIFY-1'");
            sql.executeUpdate("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'ORG-VERIFY-2'");
            try {
                given().auth().oauth2(SECRETARIAT).get("/members/ORG-VERIFY-1").then().statusCode(200).body("name", equalTo("Another name"));
                assertTrue(breaksOf("ORG-VERIFY-1").stream().anyMatch(found -> ((Number) found.get("sequence")).intValue() == 0
                        && found.get("reason").toString().contains("hash does not match")), breaksOf("ORG-VERIFY-1").toString());
                List<Map<String, Object>> cut = breaksOf("ORG-VERIFY-2");
                assertTrue(cut.stream().anyMatch(found -> found.get("reason").toString().contains("chain head is at sequence 0")), cut.toString());
                assertTrue(cut.stream().anyMatch(found -> found.get("reason").toString().contains("covers sequence 0")), cut.toString());
            } finally {
                sql.executeUpdate("DELETE FROM domain_event_entry WHERE aggregate_identifier IN ('ORG-VERIFY-1', 'ORG-VERIFY-2')");
                sql.executeUpdate("INSERT INTO domain_event_entry SELECT * FROM kept");
            }
        }
        assertTrue(breaksOf("ORG-VERIFY-1").isEmpty());
        assertTrue(breaksOf("ORG-VERIFY-2").isEmpty());
    }
}
