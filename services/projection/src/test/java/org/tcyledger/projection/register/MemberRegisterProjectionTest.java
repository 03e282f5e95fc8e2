package org.tcyledger.projection.register;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The register read model fed through a real broker with records shaped exactly as membership publishes them,
 * including the redeliveries and gaps a real topic can bring.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class MemberRegisterProjectionTest {

    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog CATALOG = new EventCatalog(MembershipEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static PublishedStream member(String id) {
        return new PublishedStream(CATALOG, "/tcy/membership", id);
    }

    private void publish(EventEnvelope... envelopes) {
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, envelopes);
    }

    /** Observer status granted, ended and granted again on one day: the register applies it (it stopped on it). */
    @Test
    void observerStatusGrantedAgainOnTheDayItEndedIsApplied() {
        PublishedStream interpol = member("INTERPOL");
        LocalDate day = LocalDate.parse("2015-12-01");
        EventEnvelope registered = interpol.next(new MemberRegistered("INTERPOL", "INTERPOL", MemberKind.ORGANISATION, false));
        EventEnvelope granted = interpol.next(new MembershipEvent.ObserverStatusGranted("INTERPOL", day, "invented"));
        EventEnvelope ended = interpol.next(new MembershipEvent.ObserverStatusEnded("INTERPOL", day));
        EventEnvelope last = interpol.next(new MembershipEvent.ObserverStatusGranted("INTERPOL", day, "invented"));
        publish(registered, granted, ended, last);
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2016-01-01").queryParam("after", last.id())
                .get("/members/INTERPOL").then().statusCode(200).body("capacity", equalTo("OBSERVER"));
    }

    /**
     * An invitation that membership stored before v2 is published as it was stored, v1; the register applies it as the
     * v2 it reads as: the same answers, invited up to the day before it lapses, as for an invitation published as v2.
     */
    @Test
    void anInvitationPublishedAsV1IsAppliedLikeAV2One() {
        LocalDate invitedOn = LocalDate.parse("2016-03-01");
        PublishedStream tonga = member("TO");
        EventEnvelope registeredTonga = tonga.next(new MemberRegistered("TO", "Tonga", MemberKind.STATE, false));
        EventEnvelope v1 = tonga.next(new MembershipEvent.InvitedToAccedeV1("TO", invitedOn, "invented"));
        PublishedStream tuvalu = member("TV");
        EventEnvelope registeredTuvalu = tuvalu.next(new MemberRegistered("TV", "Tuvalu", MemberKind.STATE, false));
        EventEnvelope v2 = tuvalu.next(new MembershipEvent.InvitedToAccede("TV", invitedOn, "invented",
                LocalDate.parse("2021-03-01")));
        assertEquals("tcy.membership.InvitedToAccede.v1", v1.type());
        assertEquals("tcy.membership.InvitedToAccede.v2", v2.type());
        publish(registeredTonga, v1, registeredTuvalu, v2);

        for (String id : List.of("TO", "TV")) {
            String after = id.equals("TO") ? v1.id() : v2.id();
            given().auth().oauth2(OBSERVER).queryParam("asOf", "2021-02-28").queryParam("after", after)
                    .get("/members/" + id).then().statusCode(200)
                    .body("status", equalTo("INVITED")).body("capacity", equalTo("OBSERVER"));
            given().auth().oauth2(OBSERVER).queryParam("asOf", "2021-03-01").get("/members/" + id).then()
                    .statusCode(200).body("status", equalTo("NONE")).body("capacity", equalTo("NONE"));
        }
    }

    @Test
    void theRegisterShowsStatusOnAnyDate() throws Exception {
        PublishedStream estonia = member("EE");
        publish(estonia.next(new MemberRegistered("EE", "Estonia", MemberKind.STATE, true)),
                estonia.next(new TreatySigned("EE", Treaty.ETS185, LocalDate.parse("2001-11-23"))),
                estonia.next(new InstrumentDeposited("EE", Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2003-05-12"), List.of(), List.of(), LocalDate.parse("2004-07-01"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("asOf", "2004-07-01").get("/members/EE").then()
                        .statusCode(200).body("status", equalTo("PARTY")).body("entryIntoForceOn", equalTo("2004-07-01")));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2004-06-30").get("/members/EE").then()
                .statusCode(200).body("status", equalTo("RATIFIED")).body("capacity", equalTo("OBSERVER"));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2001-11-22").get("/members/EE").then()
                .statusCode(200).body("status", equalTo("NONE")).body("entryIntoForceOn", equalTo(null));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2004-07-01").queryParam("status", "PARTY").get("/members")
                .then().statusCode(200).body("id", hasItem("EE"));
        given().get("/members").then().statusCode(401);
        given().auth().oauth2(OBSERVER).queryParam("asOf", "July 2004").get("/members").then().statusCode(400);
        given().auth().oauth2(OBSERVER).get("/members/XX").then().statusCode(404);
        given().auth().oauth2(OBSERVER).queryParam("after", java.util.UUID.randomUUID().toString()).get("/members")
                .then().statusCode(503).header("Retry-After", "2");
        given().auth().oauth2(OBSERVER).queryParam("after", "4294968").get("/members").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aDuplicateDeliveryChangesNothing() throws Exception {
        PublishedStream japan = member("JP");
        EventEnvelope registered = japan.next(new MemberRegistered("JP", "Japan", MemberKind.STATE, false));
        EventEnvelope signed = japan.next(new TreatySigned("JP", Treaty.ETS185, LocalDate.parse("2001-11-23")));
        publish(registered, signed, registered, signed);
        EventEnvelope deposited = japan.next(new InstrumentDeposited("JP", Treaty.ETS185, InstrumentKind.ACCEPTANCE,
                LocalDate.parse("2012-07-03"), List.of(), List.of(), LocalDate.parse("2012-11-01")));
        publish(deposited, signed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(3, consumedEventsOf("JP")));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2012-11-01").get("/members/JP").then()
                .statusCode(200).body("status", equalTo("PARTY")).body("name", equalTo("Japan"));
        assertEquals(0, count("SELECT count(*) FROM consumed_gap WHERE subject = 'JP' AND consumer_group = 'projection-register'"));
    }

    @Test
    void anEventThatArrivesEarlyWaitsForTheOnesBeforeIt() throws Exception {
        PublishedStream portugal = member("PT");
        EventEnvelope registered = portugal.next(new MemberRegistered("PT", "Portugal", MemberKind.STATE, true));
        EventEnvelope signed = portugal.next(new TreatySigned("PT", Treaty.ETS185, LocalDate.parse("2001-11-23")));
        EventEnvelope deposited = portugal.next(new InstrumentDeposited("PT", Treaty.ETS185, InstrumentKind.RATIFICATION,
                LocalDate.parse("2010-03-24"), List.of(), List.of(), LocalDate.parse("2010-07-01")));
        // what a publisher retry can produce: a later event first, then the whole batch again
        publish(registered, deposited, signed, deposited);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OBSERVER).queryParam("asOf", "2010-07-01").get("/members/PT").then()
                        .statusCode(200).body("status", equalTo("PARTY")));
        assertEquals(3, consumedEventsOf("PT"));
        assertEquals(1, count("SELECT count(*) FROM consumed_gap WHERE subject = 'PT' AND healed_at IS NOT NULL "
                               + "AND consumer_group = 'projection-register'"));
        assertEquals(0, count("SELECT count(*) FROM consumed_gap WHERE subject = 'PT' AND healed_at IS NULL "
                               + "AND consumer_group = 'projection-register'"));
    }

    @Test
    void aGapInAnAggregatesSequenceIsRecordedAndReported() throws Exception {
        PublishedStream germany = member("DE");
        publish(germany.next(new MemberRegistered("DE", "Germany", MemberKind.STATE, true)),
                germany.at(5, new TreatySigned("DE", Treaty.ETS185, LocalDate.parse("2001-11-23"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(1, count("SELECT count(*) FROM consumed_gap WHERE subject = 'DE' AND expected_sequence = 1 "
                                      + "AND received_sequence = 5 AND consumer_group = 'projection-register'")));
        given().get("/q/health/ready").then().statusCode(503);
    }

    private long consumedEventsOf(String subject) throws Exception {
        return count("SELECT count(*) FROM consumed_event WHERE subject = '" + subject + "' AND consumer_group = "
                     + "'projection-register'");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
