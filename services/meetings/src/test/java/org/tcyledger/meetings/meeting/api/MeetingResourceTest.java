package org.tcyledger.meetings.meeting.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
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
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * Meetings over REST with real PostgreSQL and Kafka. Membership's events reach meetings' replica through the real
 * topic, published as membership publishes them: T-CY 14 and the written procedure on the Article 18 note.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class MeetingResourceTest {

    private static final String SECRETARIAT = Tokens.forTests().token("secretariat");
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final EventCatalog MEMBERSHIP = new EventCatalog(MembershipEvent.class);
    private static final LocalDate OPENED = LocalDate.parse("2001-11-23");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static boolean published;

    /** Estonia and Romania Parties since 2004, Canada since 2015-11-01, South Africa a signatory, Brazil nothing. */
    private synchronized void membersOfTheRecord() {
        if (published) {
            return;
        }
        published = true;
        ratified("EE", "Estonia", true, "2003-05-12", "2004-07-01");
        ratified("RO", "Romania", true, "2004-05-12", "2004-09-01");
        ratified("CA", "Canada", false, "2015-07-08", "2015-11-01");
        PublishedStream southAfrica = member("ZA");
        PublishedStream brazil = member("BR");
        publish(southAfrica.next(new MemberRegistered("ZA", "South Africa", MemberKind.STATE, false)),
                southAfrica.next(new TreatySigned("ZA", Treaty.ETS185, OPENED)),
                brazil.next(new MemberRegistered("BR", "Brazil", MemberKind.STATE, false)));
    }

    private void ratified(String id, String name, boolean coe, String depositedOn, String inForce) {
        PublishedStream stream = member(id);
        publish(stream.next(new MemberRegistered(id, name, MemberKind.STATE, coe)),
                stream.next(new TreatySigned(id, Treaty.ETS185, OPENED)),
                stream.next(new InstrumentDeposited(id, Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse(depositedOn), List.of(), List.of(), LocalDate.parse(inForce))));
    }

    private static PublishedStream member(String id) {
        return new PublishedStream(MEMBERSHIP, "/tcy/membership", id);
    }

    private void publish(org.tcyledger.contracts.wire.EventEnvelope... envelopes) {
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, envelopes);
    }

    private static ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** A document of the register the meetings below name (registered once; a second registration is id-unique). */
    private static void registered(String symbol, String kind) {
        post("/documents", "{\"symbol\":\"" + symbol + "\",\"title\":\"" + symbol + "\",\"kind\":\"" + kind
                           + "\",\"datedOn\":\"2015-11-01\",\"languages\":[\"en\",\"fr\"],\"access\":\"RESTRICTED\"}")
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    private static String agendaItem(String meeting, String title) {
        registered("T-CY(2015)20", "DISCUSSION_PAPER");
        return post("/meetings/" + meeting + "/agenda-items", "{\"title\":\"" + title + "\",\"documentSymbols\":[\"T-CY(2015)20\"]}")
                .statusCode(201).extract().path("itemId");
    }

    @Test
    void tcy14WelcomesCanadaWithPartiesAndObserversAttending() {
        membersOfTheRecord();
        post("/meetings", "{\"id\":\"T-CY-14\",\"kind\":\"PLENARY\",\"title\":\"14th Plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2015-12-01\",\"endsOn\":\"2015-12-02\"}").statusCode(201);
        String item = agendaItem("T-CY-14", "New Parties");
        post("/meetings/T-CY-14/open", "{}").statusCode(200);
        // no sleep: the replica catches up with the topic before answering
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"CA\"}").statusCode(201).body("capacity", equalTo("PARTY"));
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"ZA\"}").statusCode(201).body("capacity", equalTo("OBSERVER"));
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"BR\"}").statusCode(409)
                .body("rule", equalTo("not-invited"));
        post("/meetings/T-CY-14/invitations", "{\"memberId\":\"BR\",\"invitedOn\":\"2015-11-20\"}").statusCode(201);
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"BR\"}").statusCode(201)
                .body("capacity", equalTo("AD_HOC_OBSERVER"));
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"EE\"}").statusCode(201).body("capacity", equalTo("PARTY"));
        post("/meetings/T-CY-14/attendance", "{\"memberId\":\"EE\"}").statusCode(409)
                .body("rule", equalTo("attendance-already-recorded"));

        post("/meetings/T-CY-14/decisions", "{\"agendaItemId\":\"" + item + "\",\"kind\":\"GENERAL\",\"text\":\"x\","
                + "\"vote\":{\"mode\":\"VOTE\",\"for\":1,\"against\":1,\"abstentions\":0},\"adoptedOn\":\"2015-12-01\"}")
                .statusCode(409).body("rule", equalTo("majority")).body("detail", containsString("1 for of 2 votes cast"));
        post("/meetings/T-CY-14/decisions", "{\"agendaItemId\":\"" + item + "\",\"kind\":\"WELCOME_NEW_PARTY\","
                + "\"subject\":\"CA\",\"text\":\"The T-CY welcomed Canada as a new Party\","
                + "\"vote\":{\"mode\":\"CONSENSUS\"},\"adoptedOn\":\"2015-12-01\"}")
                .statusCode(201).body("decisionId", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(SECRETARIAT).get("/meetings/T-CY-14").then().statusCode(200)
                .body("decisions.values()[0].subject", equalTo("CA"))
                .body("decisions.values()[0].partiesPresent", equalTo(2));
        post("/meetings/T-CY-14/close", "{}").statusCode(200);
        registered("T-CY(2015)31", "MEETING_REPORT");
        post("/meetings/T-CY-14/report", "{\"publishedOn\":\"2016-01-15\",\"documentSymbol\":\"T-CY(2015)31\"}")
                .statusCode(201);
    }

    @Test
    void aPartyRegisteredAMomentAgoAttendsAsAParty() {
        membersOfTheRecord();
        post("/meetings", "{\"id\":\"T-CY-15\",\"kind\":\"PLENARY\",\"title\":\"15th Plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2016-05-24\",\"endsOn\":\"2016-05-25\"}").statusCode(201);
        PublishedStream sriLanka = member("LK");
        publish(sriLanka.next(new MemberRegistered("LK", "Sri Lanka", MemberKind.STATE, false)),
                sriLanka.next(new InvitedToAccede("LK", LocalDate.parse("2013-06-05"), "invented for the tests",
                        LocalDate.parse("2018-06-05"))),
                sriLanka.next(new InstrumentDeposited("LK", Treaty.ETS185, InstrumentKind.ACCESSION,
                        LocalDate.parse("2015-05-29"), List.of(), List.of(), LocalDate.parse("2015-09-01"))));
        post("/meetings/T-CY-15/attendance", "{\"memberId\":\"LK\"}").statusCode(201).body("capacity", equalTo("PARTY"));
    }

    @Test
    void theArticle18NoteIsAdoptedByWrittenProcedureOnItsDeadline() {
        membersOfTheRecord();
        post("/guidance-notes", "{\"id\":\"gn-article-18\",\"title\":\"Guidance Note on production orders for "
                + "subscriber information (Article 18)\",\"articles\":[\"18\"],\"text\":{\"en\":\"Article 18 …\"}}")
                .statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"title\":\"Guidance Note on production orders for subscriber information (Article 18)\","
                      + "\"articles\":[\"18\"],\"text\":{\"en\":\"Article 18 …\",\"fr\":\"Article 18 …\"}}")
                .put("/guidance-notes/gn-article-18").then().statusCode(200).body("version", equalTo(2));
        post("/meetings", "{\"id\":\"WP-2017-ART18\",\"kind\":\"WRITTEN_PROCEDURE\",\"title\":\"Article 18 note\","
                          + "\"venue\":\"written procedure\",\"startsOn\":\"2017-02-01\",\"endsOn\":\"2017-02-28\"}")
                .statusCode(201);
        String item = agendaItem("WP-2017-ART18", "T-CY(2015)16");
        post("/meetings/WP-2017-ART18/open", "{}").statusCode(200);
        post("/meetings/WP-2017-ART18/attendance", "{\"memberId\":\"EE\"}").statusCode(409)
                .body("rule", equalTo("no-attendance-in-written-procedure"));
        post("/meetings/WP-2017-ART18/objections", "{\"memberId\":\"BR\",\"objectedOn\":\"2017-02-10\"}").statusCode(409)
                .body("rule", equalTo("objection-only-by-party"));
        String decision = "{\"agendaItemId\":\"" + item + "\",\"kind\":\"ADOPT_GUIDANCE_NOTE\",\"subject\":\"gn-article-18\","
                + "\"version\":%d,\"text\":\"Adopted by written procedure\",\"vote\":{\"mode\":\"CONSENSUS\"},"
                + "\"adoptedOn\":\"%s\"}";
        post("/meetings/WP-2017-ART18/decisions", String.format(decision, 1, "2017-02-28")).statusCode(409)
                .body("rule", equalTo("unknown-subject")).body("detail", containsString("French"));
        post("/meetings/WP-2017-ART18/decisions", String.format(decision, 3, "2017-02-28")).statusCode(409)
                .body("rule", equalTo("unknown-subject"));
        post("/meetings/WP-2017-ART18/decisions", String.format(decision, 2, "2017-02-27")).statusCode(409)
                .body("rule", equalTo("written-procedure-adopted-at-deadline"));
        post("/meetings/WP-2017-ART18/decisions", String.format(decision, 2, "2017-02-28")).statusCode(201);
        given().auth().oauth2(SECRETARIAT).get("/guidance-notes/gn-article-18").then().statusCode(200)
                .body("adoptions[0].meetingId", equalTo("WP-2017-ART18")).body("adoptions[0].version", equalTo(2))
                .body("adoptions[0].adoptedOn", equalTo("2017-02-28"));
        post("/meetings/WP-2017-ART18/decisions", "{\"agendaItemId\":\"" + item + "\",\"kind\":\"ADOPT_ASSESSMENT_REPORT\","
                + "\"subject\":\"round-2-mla\",\"version\":1,\"text\":\"x\",\"vote\":{\"mode\":\"CONSENSUS\"},"
                + "\"adoptedOn\":\"2017-02-28\"}").statusCode(409).body("rule", equalTo("unknown-subject"));
    }

    /**
     * The decision and the note's adoption are one transaction: a version the note refuses stores neither; one it takes
     * stores both, the decision first, and the answer names the decision's event, not the note's.
     */
    @Test
    void aDecisionAndTheNotesAdoptionAreStoredTogetherOrNeither() throws Exception {
        membersOfTheRecord();
        post("/guidance-notes", "{\"id\":\"gn-spam\",\"title\":\"Guidance Note on spam\",\"articles\":[\"2\",\"4\",\"5\"],"
                + "\"text\":{\"en\":\"Spam …\"}}").statusCode(201);
        post("/meetings", "{\"id\":\"T-CY-11\",\"kind\":\"PLENARY\",\"title\":\"11th Plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2014-06-17\",\"endsOn\":\"2014-06-18\"}").statusCode(201);
        String item = agendaItem("T-CY-11", "Guidance notes");
        post("/meetings/T-CY-11/open", "{}").statusCode(200);
        post("/meetings/T-CY-11/attendance", "{\"memberId\":\"EE\"}").statusCode(201);
        post("/meetings/T-CY-11/attendance", "{\"memberId\":\"RO\"}").statusCode(201);
        String decision = "{\"agendaItemId\":\"" + item + "\",\"kind\":\"ADOPT_GUIDANCE_NOTE\",\"subject\":\"gn-spam\","
                + "\"version\":%d,\"text\":\"The T-CY adopted the note on spam\",\"vote\":{\"mode\":\"CONSENSUS\"},"
                + "\"adoptedOn\":\"2014-06-17\"}";

        long before = storedEvents();
        post("/meetings/T-CY-11/decisions", String.format(decision, 1)).statusCode(409)
                .body("rule", equalTo("unknown-subject")).body("detail", containsString("French"));
        assertEquals(before, storedEvents());

        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"title\":\"Guidance Note on spam\",\"articles\":[\"2\",\"4\",\"5\"],"
                      + "\"text\":{\"en\":\"Spam …\",\"fr\":\"Le spam …\"}}")
                .put("/guidance-notes/gn-spam").then().statusCode(200).body("version", equalTo(2));
        before = storedEvents();
        ValidatableResponse adopted = post("/meetings/T-CY-11/decisions", String.format(decision, 2)).statusCode(201)
                .body("id", equalTo("T-CY-11"));
        assertEquals(before + 2, storedEvents());
        String decisionId = adopted.extract().path("decisionId");
        String eventId = adopted.extract().path("eventId");
        List<String> meetingEvents = given().auth().oauth2(SECRETARIAT).get("/meetings/T-CY-11/events").then()
                .statusCode(200).extract().jsonPath().getList("id");
        assertEquals(eventId, meetingEvents.get(meetingEvents.size() - 1));
        given().auth().oauth2(SECRETARIAT).get("/guidance-notes/gn-spam").then().statusCode(200)
                .body("adoptions[0].decisionId", equalTo(decisionId)).body("adoptions[0].meetingId", equalTo("T-CY-11"));

        post("/meetings/T-CY-11/decisions", String.format(decision, 2)).statusCode(409)
                .body("rule", equalTo("unknown-subject")).body("detail", containsString("T-CY-11"));
        assertEquals(before + 2, storedEvents());
    }

    @Test
    void aWronglyRecordedDecisionAndAttendanceAreCorrectedByNewEvents() {
        membersOfTheRecord();
        post("/meetings", "{\"id\":\"T-CY-12\",\"kind\":\"PLENARY\",\"title\":\"12th Plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2014-12-02\",\"endsOn\":\"2014-12-03\"}").statusCode(201);
        String item = agendaItem("T-CY-12", "Cloud evidence");
        post("/meetings/T-CY-12/open", "{}").statusCode(200);
        post("/meetings/T-CY-12/attendance", "{\"memberId\":\"EE\"}").statusCode(201);
        String wrongAttendance = post("/meetings/T-CY-12/attendance", "{\"memberId\":\"ZA\"}").statusCode(201)
                .extract().path("eventId");
        post("/meetings/T-CY-12/attendance", "{\"memberId\":\"RO\"}").statusCode(201);
        String decision = post("/meetings/T-CY-12/decisions", "{\"agendaItemId\":\"" + item + "\",\"kind\":\"GENERAL\","
                + "\"text\":\"The T-CY set up a working group\",\"vote\":{\"mode\":\"CONSENSUS\"},\"adoptedOn\":\"2014-12-02\"}")
                .statusCode(201).extract().path("eventId");

        post("/meetings/T-CY-12/corrections", "{\"correctsEventId\":\"" + decision + "\",\"reason\":\"wrong name\","
                + "\"text\":\"The T-CY set up the Cloud Evidence Group\",\"adoptedOn\":\"2014-12-03\"}").statusCode(201);
        post("/meetings/T-CY-12/corrections", "{\"correctsEventId\":\"" + decision + "\",\"reason\":\"x\","
                + "\"adoptedOn\":\"2014-12-04\"}").statusCode(409).body("rule", equalTo("adopted-within-meeting-dates"));
        post("/meetings/T-CY-12/corrections", "{\"correctsEventId\":\"" + wrongAttendance + "\",\"reason\":\"South Africa "
                + "was not there\"}").statusCode(201);
        post("/meetings/T-CY-12/corrections", "{\"correctsEventId\":\"no-such-event\",\"reason\":\"x\"}")
                .statusCode(409).body("rule", equalTo("correction-of-unknown-record"));
        given().auth().oauth2(SECRETARIAT).get("/meetings/T-CY-12").then().statusCode(200)
                .body("decisions.values()[0].text", equalTo("The T-CY set up the Cloud Evidence Group"))
                .body("decisions.values()[0].adoptedOn", equalTo("2014-12-03"))
                .body("attendance.keySet()", org.hamcrest.Matchers.containsInAnyOrder("EE", "RO"));
        List<String> types = given().auth().oauth2(SECRETARIAT).get("/meetings/T-CY-12/events").then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertEquals(List.of("tcy.meetings.DecisionCorrected.v1", "tcy.meetings.AttendanceCorrected.v1"),
                types.subList(types.size() - 2, types.size()));
    }

    @Test
    void aReplayedMembershipEventDoesNotChangeTheReplica() {
        membersOfTheRecord();
        PublishedStream latvia = member("LV");
        org.tcyledger.contracts.wire.EventEnvelope registered = latvia.next(
                new MemberRegistered("LV", "Latvia", MemberKind.STATE, true));
        org.tcyledger.contracts.wire.EventEnvelope signed = latvia.next(new TreatySigned("LV", Treaty.ETS185, OPENED));
        org.tcyledger.contracts.wire.EventEnvelope deposited = latvia.next(new InstrumentDeposited("LV", Treaty.ETS185,
                InstrumentKind.RATIFICATION, LocalDate.parse("2007-02-14"), List.of(), List.of(), LocalDate.parse("2007-06-01")));
        publish(registered, signed, deposited, signed, registered);
        post("/meetings", "{\"id\":\"T-CY-3\",\"kind\":\"PLENARY\",\"title\":\"3rd Plenary\",\"venue\":\"Strasbourg\","
                          + "\"startsOn\":\"2008-04-02\",\"endsOn\":\"2008-04-03\"}").statusCode(201);
        post("/meetings/T-CY-3/attendance", "{\"memberId\":\"LV\"}").statusCode(201).body("capacity", equalTo("PARTY"));
    }

    @Test
    void badInputsChangeNothing() throws Exception {
        long before = storedEvents();
        post("/meetings", "{\"id\":\"bad id!\",\"kind\":\"PICNIC\"}").statusCode(400).contentType("application/problem+json");
        post("/meetings", "{\"id\":\"X-1\",\"kind\":\"PLENARY\"}").statusCode(400)
                .body("errors.field", hasItems("title", "venue", "startsOn", "endsOn"));
        post("/meetings", "{\"id\":\"X-1\",\"kind\":\"PLENARY\",\"title\":\"x\",\"venue\":\"y\",\"startsOn\":\"2015-12-02\","
                          + "\"endsOn\":\"2015-12-01\"}").statusCode(409).body("rule", equalTo("meeting-ends-after-it-starts"));
        post("/meetings/NO-SUCH/agenda-items", "{\"title\":\"x\"}").statusCode(404).contentType("application/problem+json");
        post("/meetings/NO-SUCH/decisions", "{\"agendaItemId\":\"i\",\"kind\":\"GENERAL\",\"text\":\"x\","
                + "\"vote\":{\"mode\":\"VOTE\",\"for\":1},\"adoptedOn\":\"2015-12-01\"}").statusCode(400)
                .body("errors.field", hasItems("vote.tallyComplete"));
        given().contentType(ContentType.JSON).body("{}").post("/meetings").then().statusCode(401);
        given().auth().oauth2(OBSERVER).contentType(ContentType.JSON).body("{}").post("/meetings").then().statusCode(403);
        given().auth().oauth2(SECRETARIAT).get("/meetings/NO-SUCH").then().statusCode(404);
        assertEquals(before, storedEvents());
    }

    /** A note's id that names a meeting of the same store: no such note (it was a 500). */
    @Test
    void aRevisionOfANoteThatIsAMeetingIsNotFound() {
        post("/meetings", "{\"id\":\"T-CY-SAME-ID\",\"kind\":\"BUREAU\",\"title\":\"Bureau\",\"venue\":\"Paris\","
                          + "\"startsOn\":\"2016-03-01\",\"endsOn\":\"2016-03-01\"}").statusCode(201);
        given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"title\":\"A note\",\"articles\":[\"2\"],\"text\":{\"en\":\"…\"},\"englishOnly\":true}")
                .put("/guidance-notes/T-CY-SAME-ID").then().statusCode(404).contentType("application/problem+json");
    }

    private long storedEvents() throws Exception {
        return org.tcyledger.testing.StoredEvents.count(dataSource);
    }
}
