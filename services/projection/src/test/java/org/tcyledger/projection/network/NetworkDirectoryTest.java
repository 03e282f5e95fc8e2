package org.tcyledger.projection.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointAdded;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.projection.infra.KeyholderStandIn;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The 24/7 directory on a date, fed through a real broker (invented units, phones and people): a designated contact
 * point, a unit added with a named person, one added and withdrawn, and a new designation that replaces them all; the
 * person's name and the contact point's phone read "[erased]" after erasure. Only the secretariat and the network.
 */
@QuarkusTest
@TestProfile(KeyholderStandIn.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class NetworkDirectoryTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String NETWORK = Tokens.forTests().token("network");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog CATALOG = new EventCatalog(MembershipEvent.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private static SealedPersonalData sealed(String personId, Map<String, String> fields) {
        return new SealedPersonalData(personId, KeyholderStandIn.sealed(fields));
    }

    private EventEnvelope publish(PublishedStream stream, Object... events) {
        EventEnvelope[] envelopes = new EventEnvelope[events.length];
        for (int i = 0; i < events.length; i++) {
            envelopes[i] = stream.next(events[i]);
        }
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, envelopes);
        return envelopes[envelopes.length - 1];
    }

    private static ValidatableResponse network(String token, String asOf, String after) {
        return given().auth().oauth2(token).queryParam("asOf", asOf).queryParam("after", after).get("/network").then()
                .statusCode(200);
    }

    private static String malta(String field) {
        return "find { it.memberId == 'MT' }." + field;
    }

    private static String unit(String unitId, String field) {
        return malta("units.find { it.unitId == '" + unitId + "' }." + field);
    }

    @Test
    void unitsAreInForceFromTheirDesignationUntilWithdrawnOrReplacedAndErasureLeavesNoName() {
        PublishedStream malta = new PublishedStream(CATALOG, "/tcy/membership", "MT");
        EventEnvelope last = publish(malta,
                new MemberRegistered("MT", "Malta", MemberKind.STATE, true),
                new ContactPointDesignated("MT", "person-mt-1", "Cybercrime Unit",
                        sealed("person-mt-1", Map.of("phone", "+356 2000 0001", "email", "cyber@example.invalid")),
                        on("2010-01-01")),
                new ContactPointAdded("MT", "mt-ag", "Office of the Attorney General", "+356 2000 0002",
                        "ag-24-7@example.invalid", "24/7", on("2012-01-01"),
                        sealed("person-mt-2", Map.of("name", "Jane Roe"))),
                new ContactPointAdded("MT", "mt-csirt", "CSIRT Malta", "+356 2000 0003", "csirt@example.invalid",
                        "Mon-Fri 08:00-18:00", on("2013-01-01"), null),
                new ContactPointWithdrawn("MT", "mt-csirt", on("2014-01-01")),
                new ContactPointDesignated("MT", "person-mt-3", "Cybercrime Unit (new)",
                        sealed("person-mt-3", Map.of("phone", "+356 2000 0004", "email", "cyber2@example.invalid")),
                        on("2015-01-01")));

        network(SECRETARIAT, "2009-12-31", last.id()).body("memberId", not(hasItem("MT")));
        network(SECRETARIAT, "2012-06-01", null).body(malta("name"), equalTo("Malta"))
                .body(malta("units.unitId"), contains("person-mt-1", "mt-ag"))
                .body(unit("person-mt-1", "institution"), equalTo("Cybercrime Unit"))
                .body(unit("person-mt-1", "phone"), equalTo("+356 2000 0001"))
                .body(unit("person-mt-1", "email"), equalTo("cyber@example.invalid"))
                .body(unit("person-mt-1", "designatedOn"), equalTo("2010-01-01"))
                .body(unit("person-mt-1", "person"), nullValue())
                .body(unit("mt-ag", "institution"), equalTo("Office of the Attorney General"))
                .body(unit("mt-ag", "phone"), equalTo("+356 2000 0002"))
                .body(unit("mt-ag", "email"), equalTo("ag-24-7@example.invalid"))
                .body(unit("mt-ag", "hours"), equalTo("24/7"))
                .body(unit("mt-ag", "person"), equalTo("Jane Roe"))
                .body(unit("mt-ag", "designatedOn"), equalTo("2012-01-01"));
        network(NETWORK, "2013-06-01", null).body(malta("units.unitId"), contains("person-mt-1", "mt-ag", "mt-csirt"))
                .body(unit("mt-csirt", "person"), nullValue());
        network(NETWORK, "2014-01-01", null).body(malta("units.unitId"), contains("person-mt-1", "mt-ag"));
        network(NETWORK, "2015-01-01", null).body(malta("units.unitId"), contains("person-mt-3"))
                .body(unit("person-mt-3", "phone"), equalTo("+356 2000 0004"));
        // the register's contact point is the latest designation, as before
        given().auth().oauth2(OBSERVER).get("/members/MT").then().statusCode(200)
                .body("contactPoint.unit", equalTo("Cybercrime Unit (new)"))
                .body("contactPoint.phone", equalTo("+356 2000 0004"));

        EventEnvelope erased = publish(malta, new PersonalDataErased("MT", "person-mt-2", "secretariat-1", "request"),
                new PersonalDataErased("MT", "person-mt-1", "secretariat-1", "request"));
        network(SECRETARIAT, "2013-06-01", erased.id())
                .body(unit("mt-ag", "person"), equalTo("[erased]"))
                .body(unit("mt-ag", "phone"), equalTo("+356 2000 0002"))
                .body(unit("mt-ag", "email"), equalTo("ag-24-7@example.invalid"))
                .body(unit("person-mt-1", "phone"), equalTo("[erased]"))
                .body(unit("person-mt-1", "email"), equalTo("[erased]"))
                .body(unit("person-mt-1", "institution"), equalTo("Cybercrime Unit"));
    }

    @Test
    void onlyTheSecretariatAndTheNetworkReadTheDirectory() {
        given().auth().oauth2(OBSERVER).get("/network").then().statusCode(403);
        given().auth().oauth2(Tokens.forTests().token("auditor")).get("/network").then().statusCode(403);
        given().get("/network").then().statusCode(401);
        given().auth().oauth2(NETWORK).get("/network").then().statusCode(200);
        given().auth().oauth2(SECRETARIAT).queryParam("asOf", "2015-13-01").get("/network").then().statusCode(400);
    }
}
