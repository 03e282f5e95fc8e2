package org.tcyledger.projection.chart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationKind;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The Treaty Office chart of ETS189 (no other test of this module touches that treaty) on dates around each step of
 * an invented record: a deposit with a reservation later withdrawn, a territorial application and a denunciation
 * (Denmark), a signature without reservation as to ratification with a later declaration and authority (Andorra),
 * signatures never followed by a ratification (Albania, Canada, "Korea, Republic of"), an organisation's
 * signature, which is not in the Office's chart, and a State invited to accede to the Convention (Ghana). Read anonymously: the chart is part of the public record.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class TreatyChartTest {

    private static final EventCatalog CATALOG = new EventCatalog(MembershipEvent.class);
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private static NotificationReceived notified(String memberId, NotificationKind kind, String article, String on) {
        return new NotificationReceived(memberId, Treaty.ETS189, kind, article, on(on), null, "[invented]", null);
    }

    /** Every member's events, published once for the class; the chart is read once the last of each is applied. */
    @BeforeEach
    void theRecord() {
        if (published) {
            return;
        }
        published = true;
        EventEnvelope[] last = {
                publish("DK", new MemberRegistered("DK", "Denmark", MemberKind.STATE, true),
                        new TreatySigned("DK", Treaty.ETS189, on("2003-01-28")),
                        new InstrumentDeposited("DK", Treaty.ETS189, InstrumentKind.RATIFICATION, on("2005-06-21"),
                                List.of(new ArticleStatement("3", "[invented]")), List.of(), on("2006-03-01")),
                        notified("DK", NotificationKind.TERRITORIAL_APPLICATION, "8", "2008-01-01"),
                        new NotificationReceived("DK", Treaty.ETS189, NotificationKind.RESERVATION_WITHDRAWN, "3",
                                on("2010-01-10"), on("2010-02-01"), "[invented]", null),
                        new TreatyDenounced("DK", Treaty.ETS189, on("2012-03-15"), on("2012-07-01"))),
                publish("AD", new MemberRegistered("AD", "Andorra", MemberKind.STATE, true),
                        new TreatySigned("AD", Treaty.ETS189, on("2005-11-23"), true, on("2006-03-01")),
                        notified("AD", NotificationKind.DECLARATION, "5", "2007-05-01"),
                        new NotificationReceived("AD", Treaty.ETS189, NotificationKind.AUTHORITY_DESIGNATED, "5",
                                on("2007-05-01"), null, "[invented]", new MembershipEvent.Authority(
                                MembershipEvent.AuthorityFunction.MUTUAL_ASSISTANCE_ART27, "Ministry of Justice",
                                null, null, null))),
                publish("AL", new MemberRegistered("AL", "Albania", MemberKind.STATE, true),
                        new TreatySigned("AL", Treaty.ETS189, on("2009-04-15"))),
                publish("KR", new MemberRegistered("KR", "Korea, Republic of", MemberKind.STATE, false),
                        new TreatySigned("KR", Treaty.ETS189, on("2005-07-08"))),
                publish("CA", new MemberRegistered("CA", "Canada", MemberKind.STATE, false),
                        new TreatySigned("CA", Treaty.ETS189, on("2005-07-08"))),
                publish("EUROPOL", new MemberRegistered("EUROPOL", "Europol", MemberKind.ORGANISATION, false),
                        new TreatySigned("EUROPOL", Treaty.ETS189, on("2004-01-01"))),
                publish("GH", new MemberRegistered("GH", "Ghana", MemberKind.STATE, false),
                        new MembershipEvent.InvitedToAccede("GH", on("2016-03-01"), "[invented]", on("2021-03-01")))};
        for (EventEnvelope event : last) {
            given().queryParam("after", event.id()).get("/treaties/ETS189/chart").then().statusCode(200);
        }
    }

    /** Publishes one member's events in sequence; answers the last. */
    private EventEnvelope publish(String memberId, Object... events) {
        PublishedStream stream = new PublishedStream(CATALOG, "/tcy/membership", memberId);
        EventEnvelope[] envelopes = new EventEnvelope[events.length];
        for (int i = 0; i < events.length; i++) {
            envelopes[i] = stream.next(events[i]);
        }
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, envelopes);
        return envelopes[envelopes.length - 1];
    }

    private static ValidatableResponse chart(String asOf) {
        return given().queryParam("asOf", asOf).get("/treaties/ETS189/chart").then().statusCode(200)
                .contentType("application/json").body("treaty", equalTo("ETS189")).body("asOf", equalTo(asOf));
    }

    private static String row(String memberId, String field) {
        return "rows.find { it.memberId == '" + memberId + "' }." + field;
    }

    @Test
    void aDepositGivesTheInstrumentTheEntryIntoForceAndTheReservationsMadeWithIt() {
        chart("2005-06-20").body("rows.memberId", contains("DK"))
                .body(row("DK", "signedOn"), equalTo("2003-01-28")).body(row("DK", "depositedOn"), nullValue())
                .body(row("DK", "instrument"), nullValue()).body(row("DK", "entryIntoForceOn"), nullValue())
                .body(row("DK", "reservations"), equalTo(false)).body(row("DK", "councilOfEuropeMember"), equalTo(true))
                .body("totals.signaturesNotFollowedByRatification", equalTo(1))
                .body("totals.ratificationsOrAccessions", equalTo(0));
        chart("2005-06-21").body(row("DK", "depositedOn"), equalTo("2005-06-21"))
                .body(row("DK", "instrument"), equalTo("RATIFICATION"))
                .body(row("DK", "entryIntoForceOn"), equalTo("2006-03-01"))
                .body(row("DK", "reservations"), equalTo(true))
                .body("totals.signaturesNotFollowedByRatification", equalTo(0))
                .body("totals.ratificationsOrAccessions", equalTo(1));
    }

    @Test
    void aSignatureWithoutReservationAsToRatificationIsAConsentWithoutADeposit() {
        chart("2005-11-22").body("rows.memberId", contains("DK", "CA", "KR"));
        chart("2005-11-23").body("rows.memberId", contains("AD", "DK", "CA", "KR"))
                .body(row("AD", "signedOn"), equalTo("2005-11-23")).body(row("AD", "depositedOn"), nullValue())
                .body(row("AD", "instrument"), equalTo("SIGNATURE_WITHOUT_RESERVATION"))
                .body(row("AD", "entryIntoForceOn"), equalTo("2006-03-01"))
                .body("totals.signaturesNotFollowedByRatification", equalTo(2))
                .body("totals.ratificationsOrAccessions", equalTo(2));
    }

    @Test
    void laterNotificationsCountFromTheirEffectiveDateAndAWithdrawalEndsTheReservation() {
        chart("2007-04-30").body(row("AD", "declarations"), equalTo(false)).body(row("AD", "authorities"), equalTo(false))
                .body(row("DK", "territorialApplication"), equalTo(false));
        chart("2008-01-01").body(row("AD", "declarations"), equalTo(true)).body(row("AD", "authorities"), equalTo(true))
                .body(row("AD", "reservations"), equalTo(false)).body(row("DK", "territorialApplication"), equalTo(true));
        // notified on 2010-01-10, effective on 2010-02-01
        chart("2010-01-31").body(row("DK", "reservations"), equalTo(true));
        chart("2010-02-01").body(row("DK", "reservations"), equalTo(false)).body(row("DK", "declarations"), equalTo(false));
    }

    @Test
    void aDenunciationShowsFromItsNotificationAndLeavesTheTotalWhenItTakesEffect() {
        chart("2012-03-14").body(row("DK", "denouncedOn"), nullValue()).body("totals.ratificationsOrAccessions", equalTo(2));
        chart("2012-03-15").body(row("DK", "denouncedOn"), equalTo("2012-03-15"))
                .body("totals.ratificationsOrAccessions", equalTo(2));
        chart("2012-07-01").body(row("DK", "denouncedOn"), equalTo("2012-03-15"))
                .body(row("DK", "instrument"), equalTo("RATIFICATION"))
                .body("totals.ratificationsOrAccessions", equalTo(1))
                .body("totals.signaturesNotFollowedByRatification", equalTo(3));
    }

    @Test
    void councilOfEuropeMembersComeFirstThenTheOthersEachByNameAndOrganisationsAreNotRows() {
        chart("2010-02-01").body("rows.memberId", contains("AL", "AD", "DK", "CA", "KR"))
                .body("rows.name", contains("Albania", "Andorra", "Denmark", "Canada", "Korea, Republic of"));
    }

    @Test
    void asCsvTheSameRowsWithAHeaderLineQuotedFieldsAndCrlf() {
        String csv = given().accept("text/csv").queryParam("asOf", "2010-02-01").get("/treaties/ETS189/chart").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("memberId,name,councilOfEuropeMember,signedOn,depositedOn,instrument,entryIntoForceOn,"
                     + "reservations,declarations,authorities,territorialApplication,denouncedOn\r\n"
                     + "AL,Albania,true,2009-04-15,,,,false,false,false,false,\r\n"
                     + "AD,Andorra,true,2005-11-23,,SIGNATURE_WITHOUT_RESERVATION,2006-03-01,false,true,true,false,\r\n"
                     + "DK,Denmark,true,2003-01-28,2005-06-21,RATIFICATION,2006-03-01,false,false,false,true,\r\n"
                     + "CA,Canada,false,2005-07-08,,,,false,false,false,false,\r\n"
                     + "KR,\"Korea, Republic of\",false,2005-07-08,,,,false,false,false,false,\r\n", csv);
    }

    @Test
    void aStateInvitedToAccedeIsARowOfTheConventionsChartOnly() {
        String ghana = "rows.find { it.memberId == 'GH' }";
        given().queryParam("asOf", "2016-02-29").get("/treaties/ETS185/chart").then().statusCode(200)
                .body(ghana, nullValue());
        given().queryParam("asOf", "2016-03-01").get("/treaties/ETS185/chart").then().statusCode(200)
                .body(ghana + ".name", equalTo("Ghana")).body(ghana + ".councilOfEuropeMember", equalTo(false))
                .body(ghana + ".signedOn", nullValue()).body(ghana + ".depositedOn", nullValue())
                .body(ghana + ".instrument", nullValue());
        chart("2016-03-01").body("rows.memberId", contains("AL", "AD", "DK", "CA", "KR"));
    }

    /** The register counts the consent by signature like a deposit: a Party from its entry into force. */
    @Test
    void theRegisterTreatsTheSignatureWithoutReservationAsTheConsent() {
        String observer = Tokens.forTests().token("observer");
        given().auth().oauth2(observer).queryParam("treaty", "ETS189").queryParam("asOf", "2006-02-28").get("/members/AD")
                .then().statusCode(200).body("status", equalTo("RATIFIED")).body("entryIntoForceOn", equalTo("2006-03-01"));
        given().auth().oauth2(observer).queryParam("treaty", "ETS189").queryParam("asOf", "2006-03-01").get("/members/AD")
                .then().statusCode(200).body("status", equalTo("PARTY"));
        given().auth().oauth2(observer).queryParam("treaty", "ETS189").queryParam("asOf", "2006-03-01").get("/members/CA")
                .then().statusCode(200).body("status", equalTo("SIGNATORY"));
    }

    @Test
    void anyoneMayReadItAndBadInputIsRefused() {
        given().get("/treaties/ETS189/chart").then().statusCode(200).body("rows.memberId", contains("AL", "AD", "DK", "CA", "KR"));
        given().get("/treaties/ETS999/chart").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("asOf", "2010-02-30").get("/treaties/ETS189/chart").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
