package org.tcyledger.projection.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.projection.infra.KeyholderStandIn;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * A rebuild that finds differences keeps its schema for inspection: it must hold no contact point's opened phone or
 * email there (erasure could not reach them), its report must name tables, keys and columns but no row values, and
 * the kept schema goes when its retention ends.
 */
@QuarkusTest
@TestProfile(KeyholderStandIn.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class RebuildKeepsNoPersonalDataTest {

    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog MEMBERSHIP = new EventCatalog(MembershipEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    KeptRebuildSchemas kept;
    @Inject
    Clock clock;

    private static String sealed(String phone, String email) {
        return KeyholderStandIn.sealed(Map.of("phone", phone, "email", email));
    }

    /** A member whose contact point names a person, opened in the live register. */
    private PublishedStream memberWithContactPoint(String memberId, String personId, String email) throws Exception {
        PublishedStream member = new PublishedStream(MEMBERSHIP, "/tcy/membership", memberId);
        EventEnvelope designated;
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                member.next(new MemberRegistered(memberId, "Member " + memberId, MemberKind.STATE, true)),
                designated = member.next(new ContactPointDesignated(memberId, personId, "Cybercrime unit",
                        new SealedPersonalData(personId, sealed("+371 6700 0001", email)))));
        given().auth().oauth2(OBSERVER).queryParam("after", designated.id()).get("/members/" + memberId)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsContaining("public", email) > 0);
        return member;
    }

    private Response rebuildAndWait() {
        String location = given().auth().oauth2(AUDITOR).post("/audit/rebuild").then().statusCode(202)
                .extract().header("Location");
        String path = location.substring(location.indexOf("/audit/rebuild/"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(AUDITOR).get(path).then().statusCode(200).extract().path("state")));
        return given().auth().oauth2(AUDITOR).get(path);
    }

    @Test
    void aRebuildThatFindsDifferencesLeavesNoOpenedEmailAfterErasureAndReportsNoRowValues() throws Exception {
        String email = "ieva.berzina@example.lv";
        PublishedStream latvia = memberWithContactPoint("LV", "person-lv-1", email);
        execute("UPDATE register_member SET name = 'Tampered Latvia' WHERE id = 'LV'");
        try {
            Response report = rebuildAndWait();
            report.then().body("state", equalTo("DONE")).body("equal", equalTo(false)).body("switched", equalTo(false));
            String schema = report.path("schema");
            assertNotNull(schema, "a rebuild with differences keeps its schema for inspection");

            // the person is erased while the schema is kept: no opened email may survive anywhere in the database
            EventEnvelope erased = latvia.next(new PersonalDataErased("LV", "person-lv-1", "DATA_SUBJECT",
                    "DATA_SUBJECT_REQUEST"));
            PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, erased);
            given().auth().oauth2(OBSERVER).queryParam("after", erased.id()).get("/members/LV").then().statusCode(200);
            assertEquals(0, rowsContainingAnywhere(email), "the opened email is left in some copy");

            // the report names the table, its key and the column that differ, never a row's values
            String stored = reportAsStored(report.path("id"));
            assertFalse(stored.contains("Tampered"), stored);
            assertFalse(stored.contains("Member LV"), stored);
            report.then().body("differences.size()", equalTo(1))
                    .body("differences[0].table", equalTo("register_member"))
                    .body("differences[0].key", equalTo(List.of("id")))
                    .body("differences[0].columns", equalTo(List.of("name")))
                    .body("differences[0].onlyLive", equalTo(1)).body("differences[0].onlyRebuilt", equalTo(1))
                    .body("differences[0].examples", equalTo(null))
                    .body("keptUntil", org.hamcrest.Matchers.notNullValue());

            // kept for its retention (seven days by default), then dropped, and the report says so
            kept.sweep(clock.instant());
            assertTrue(schemaExists(schema), "kept within its retention");
            kept.sweep(clock.instant().plus(Duration.ofDays(8)));
            assertFalse(schemaExists(schema), "dropped once its retention ended");
            given().auth().oauth2(AUDITOR).get("/audit/rebuild/" + report.path("id")).then()
                    .body("schema", equalTo(null)).body("equal", equalTo(false));
        } finally {
            execute("UPDATE register_member SET name = 'Member LV' WHERE id = 'LV'");
        }
    }

    private String reportAsStored(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT report FROM read_model_rebuild WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    /** Rows of every table of every schema of the projection's database whose text contains {@code text}. */
    private long rowsContainingAnywhere(String text) throws SQLException {
        long found = 0;
        for (String schema : schemas()) {
            found += rowsContaining(schema, text);
        }
        return found;
    }

    private List<String> schemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                     + "AND nspname <> 'information_schema'")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }

    private long rowsContaining(String schema, String text) throws SQLException {
        long found = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
                    + "table_type = 'BASE TABLE' AND table_schema = '" + schema + "'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM " + schema + "." + table + " t WHERE t::text LIKE ?")) {
                    count.setString(1, "%" + text + "%");
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        found += row.getLong(1);
                    }
                }
            }
        }
        return found;
    }

    private boolean schemaExists(String schema) throws SQLException {
        return schemas().contains(schema);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
