package org.tcyledger.projection.bureau;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.BureauElected;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The Bureau on dates around its terms, through the real topic as meetings publishes it: T-CY 23 elects a Bureau for
 * 2020-12-01 to 2022-11-30, T-CY 27 the next one from 2022-12-01 (Romania moves from Chair to Vice-chair). An invented
 * record (the real reports do not state the terms). Read anonymously: the Bureau is part of the public record.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class BureauTest {

    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GovernanceEvent.class);
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private static Election seat(String memberId, BureauPost post, String from, String until) {
        return new Election(memberId, post, null, on(from), on(until));
    }

    /** The members (for their names), the two elections and the decisions that made them, published once. */
    @BeforeEach
    void theRecord() {
        if (published) {
            return;
        }
        published = true;
        EventCatalog membership = new EventCatalog(MembershipEvent.class);
        EventEnvelope lastMember = null;
        for (List<String> member : List.of(List.of("RO", "Romania"), List.of("FR", "France"), List.of("ES", "Spain"),
                List.of("AU", "Australia"), List.of("CL", "Chile"))) {
            lastMember = new PublishedStream(membership, "/tcy/membership", member.get(0)).next(
                    new MemberRegistered(member.get(0), member.get(1), MemberKind.STATE, false));
            PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, lastMember);
        }
        given().queryParam("after", lastMember.id()).get("/treaties/ETS185/chart").then().statusCode(200);

        PublishedStream bureau = new PublishedStream(MEETINGS, "/tcy/meetings", GovernanceEvent.BUREAU);
        PublishedStream tcy23 = new PublishedStream(MEETINGS, "/tcy/meetings", "BUREAU-TEST-23");
        List<Election> first = List.of(seat("ES", BureauPost.MEMBER, "2020-12-01", "2022-11-30"),
                seat("RO", BureauPost.CHAIR, "2020-12-01", "2022-11-30"),
                seat("AU", BureauPost.MEMBER, "2020-12-01", "2022-11-30"),
                seat("FR", BureauPost.VICE_CHAIR, "2020-12-01", "2022-11-30"));
        List<Election> second = List.of(seat("AU", BureauPost.MEMBER, "2022-12-01", "2024-11-30"),
                seat("RO", BureauPost.VICE_CHAIR, "2022-12-01", "2024-11-30"),
                seat("CL", BureauPost.CHAIR, "2022-12-01", "2024-11-30"));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                tcy23.next(new MeetingEvent.MeetingScheduled("BUREAU-TEST-23", MeetingKind.PLENARY, "23rd Plenary",
                        "online", on("2020-11-30"), on("2020-11-30"))),
                tcy23.next(new MeetingEvent.DecisionAdopted("BUREAU-TEST-23", "d2", "i2", DecisionKind.ELECT_BUREAU,
                        null, null, "The T-CY elected its Bureau", MeetingEvent.Vote.consensus(), on("2020-11-30"), 60,
                        40, MeetingEvent.QuorumBase.PARTIES, null, first, null, null)),
                bureau.next(new BureauElected(GovernanceEvent.BUREAU, "BUREAU-TEST-23", "d2", on("2020-11-30"), first)));
        EventEnvelope secondElection = bureau.next(new BureauElected(GovernanceEvent.BUREAU, "BUREAU-TEST-27", "d4",
                on("2022-11-29"), second));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, secondElection);
        // a redelivery changes nothing
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, secondElection);
        given().queryParam("after", secondElection.id()).get("/bureau").then().statusCode(200);
    }

    private static ValidatableResponse bureau(String asOf) {
        return given().queryParam("asOf", asOf).get("/bureau").then().statusCode(200)
                .contentType("application/json").body("asOf", equalTo(asOf));
    }

    @Test
    void theBureauIsTheMembersWhoseTermCoversTheDay() {
        bureau("2020-11-30").body("seats", empty());
        bureau("2020-12-01").body("seats.memberId", contains("RO", "FR", "AU", "ES"))
                .body("seats.name", contains("Romania", "France", "Australia", "Spain"))
                .body("seats.post", contains("CHAIR", "VICE_CHAIR", "MEMBER", "MEMBER"))
                .body("seats[0].termFrom", equalTo("2020-12-01")).body("seats[0].termUntil", equalTo("2022-11-30"))
                .body("seats[0].electedAt", equalTo("BUREAU-TEST-23")).body("seats[0].decisionId", equalTo("d2"));
        bureau("2022-11-30").body("seats.memberId", contains("RO", "FR", "AU", "ES"));
    }

    @Test
    void aSecondElectionGivesTheNextBureauFromItsFirstDay() {
        bureau("2022-12-01").body("seats.memberId", contains("CL", "RO", "AU"))
                .body("seats.post", contains("CHAIR", "VICE_CHAIR", "MEMBER"))
                .body("seats.electedAt", contains("BUREAU-TEST-27", "BUREAU-TEST-27", "BUREAU-TEST-27"))
                .body("seats[1].name", equalTo("Romania")).body("seats[1].decisionId", equalTo("d4"));
        bureau("2024-11-30").body("seats.memberId", contains("CL", "RO", "AU"));
        bureau("2024-12-01").body("seats", empty());
    }

    @Test
    void anyoneReadsTheBureauOfTodayByDefault() {
        given().get("/bureau").then().statusCode(200).body("asOf", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        given().auth().oauth2(OBSERVER).queryParam("asOf", "2021-06-01").get("/bureau").then().statusCode(200)
                .body("seats.memberId", contains("RO", "FR", "AU", "ES"));
        given().queryParam("asOf", "June 2021").get("/bureau").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("after", "not-an-event").get("/bureau").then().statusCode(400);
    }
}
