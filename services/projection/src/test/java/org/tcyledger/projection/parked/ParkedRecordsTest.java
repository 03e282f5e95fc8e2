package org.tcyledger.projection.parked;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * A record that a read model cannot apply used to stop its consumer for good (a member's name with U+0000: the
 * register retried it for ever and nothing registered later reached observers). Now it is parked with its reason,
 * the later records of its aggregate wait behind it, every other aggregate goes on, readiness stays UP, and a retry
 * applies them in order once the cause is mended.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class ParkedRecordsTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final String AUDITOR = Tokens.forTests().token("auditor");
    private static final EventCatalog CATALOG = new EventCatalog(MembershipEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static PublishedStream member(String id) {
        return new PublishedStream(CATALOG, "/tcy/membership", id);
    }

    private static List<Map<String, Object>> parkedOf(String subject) {
        return JsonPath.from(given().auth().oauth2(AUDITOR).get("/audit/parked").then().statusCode(200).extract()
                .asString()).<Map<String, Object>>getList("").stream()
                .filter(p -> subject.equals(p.get("subject")) && ((String) p.get("consumerGroup")).contains("register"))
                .toList();
    }

    @Test
    void aRecordNoTableTakesIsParkedAndTheRestGoesOn() {
        PublishedStream broken = member("PK");
        PublishedStream fine = member("FI");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                broken.next(new MemberRegistered("PK", "Park\u0000land", MemberKind.STATE, true)),
                broken.next(new TreatySigned("PK", Treaty.ETS185, LocalDate.parse("2001-11-23"))),
                fine.next(new MemberRegistered("FI", "Finland", MemberKind.STATE, true)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("asOf", "2001-11-23").get("/members/FI").then()
                        .statusCode(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf("PK").size() == 2);
        List<Map<String, Object>> parked = parkedOf("PK");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(0, 1), parked.stream().map(p -> p.get("sequence")).toList());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(false, true), parked.stream().map(p -> p.get("waiting")).toList());
        org.junit.jupiter.api.Assertions.assertTrue(((String) parked.get(0).get("reason")).contains("0x00"),
                parked.get(0).get("reason").toString());
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2001-11-23").get("/members/PK").then().statusCode(404);
        // UP, and the parked record named with its reason (the key "parked" alone is always there)
        given().get("/q/health/ready").then().statusCode(200).body(containsString("PK #0"))
                .body(containsString("0x00"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("tcy_consumer_parked"));
        given().auth().oauth2(OBSERVER).get("/audit/parked").then().statusCode(403);

        // the cause is still there: a retry leaves both parked, with the reason
        Number head = (Number) parked.get(0).get("id");
        given().auth().oauth2(AUDITOR).post("/audit/parked/" + head + "/retry").then().statusCode(200)
                .body("applied", equalTo(0)).body("stillParked", equalTo(2));
        given().auth().oauth2(AUDITOR).post("/audit/parked/987654321/retry").then().statusCode(404);
    }

    @Test
    void aRetryAppliesTheAggregateInOrderOnceTheCauseIsMended() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE OR REPLACE FUNCTION refuse_pm() RETURNS trigger AS $$ BEGIN "
                        + "IF NEW.id = 'PM' THEN RAISE EXCEPTION 'the register refuses PM for this test'; END IF; "
                        + "RETURN NEW; END $$ LANGUAGE plpgsql");
            ddl.execute("CREATE TRIGGER refuse_pm BEFORE INSERT ON register_member FOR EACH ROW EXECUTE FUNCTION refuse_pm()");
        }
        PublishedStream mended = member("PM");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                mended.next(new MemberRegistered("PM", "Panama", MemberKind.STATE, false)),
                mended.next(new TreatySigned("PM", Treaty.ETS185, LocalDate.parse("2013-03-05"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf("PM").size() == 2);
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TRIGGER refuse_pm ON register_member");
        }
        Number waiting = (Number) parkedOf("PM").get(1).get("id");
        given().auth().oauth2(AUDITOR).post("/audit/parked/" + waiting + "/retry").then().statusCode(200)
                .body("applied", equalTo(2)).body("stillParked", equalTo(0));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2013-03-05").get("/members/PM").then().statusCode(200)
                .body("name", equalTo("Panama"));
        org.junit.jupiter.api.Assertions.assertEquals(0, parkedOf("PM").size());
        // later records of the aggregate are applied again as they come
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                mended.next(new MembershipEvent.InvitedToAccede("PM", LocalDate.parse("2013-01-01"), null,
                        LocalDate.parse("2018-01-01"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> org.junit.jupiter.api.Assertions.assertEquals(0,
                parkedOf("PM").size()));
        given().auth().oauth2(AUDITOR).get("/audit/parked").then().body("subject", not(hasItem("PM")));
    }
}
