package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The document register's and the committee's bodies' pages, over the real topics as meetings and membership publish
 * them (an invented record of 2011–2015): T-CY-CP1 tabled a public guidance note "T-CY(2013)7 E" and a restricted
 * paper and adopted the note, its report not yet published; a decision of the Ministers, "CM/Del/Dec(2013)1170/10.2",
 * is registered too. Every page in both languages with its switch, what the public and an observer see, a 400 and a
 * 404, and the same answer as the JSON API to the same caller.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class CommitteePagesTest {

    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, DocumentEvent.class,
            GovernanceEvent.class);
    private static final EventCatalog MEMBERSHIP = new EventCatalog(MembershipEvent.class);
    private static final String OBSERVER_TOKEN = Tokens.forTests().token("observer");
    private static final String NOTE = "T-CY(2013)7 E";
    private static final String NOTE_PATH = "T-CY%282013%297%20E";
    private static final String PAPER = "T-CY(2013)8";
    private static final String PAPER_PATH = "T-CY%282013%298";
    private static final String MINISTERS = "CM/Del/Dec(2013)1170/10.2";
    private static final String MINISTERS_PATH = "CM/Del/Dec%282013%291170/10.2";
    private static final Pattern SYMBOL = Pattern.compile("data-test=\"document\" data-symbol=\"([^\"]+)\"");
    private static final Pattern SEAT = Pattern.compile("data-test=\"seat\" data-member=\"([^\"]+)\"");
    private static final Pattern BODY = Pattern.compile("data-test=\"working-body\" data-id=\"([^\"]+)\"");
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private static PublishedStream stream(String subject) {
        return new PublishedStream(MEETINGS, "/tcy/meetings", subject);
    }

    private static EventEnvelope registered(String symbol, String title, DocumentKind kind, String datedOn,
                                            List<String> languages, DocumentAccess access) {
        return stream(symbol).next(new DocumentEvent.DocumentRegistered(symbol, title, kind, on(datedOn), languages,
                access, null));
    }

    @BeforeEach
    void theRecord() {
        if (published) {
            return;
        }
        published = true;
        EventEnvelope lastMember = null;
        for (List<String> member : List.of(List.of("QC1", "Committeeland"), List.of("QC2", "Pagesia"))) {
            lastMember = new PublishedStream(MEMBERSHIP, "/tcy/membership", member.get(0)).next(
                    new MembershipEvent.MemberRegistered(member.get(0), member.get(1), MemberKind.STATE, true));
            PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP, lastMember);
        }
        given().queryParam("after", lastMember.id()).get("/treaties/ETS185/chart").then().statusCode(200);

        PublishedStream meeting = stream("T-CY-CP1");
        PublishedStream bureau = stream("bureau-committee-pages");
        PublishedStream body = stream("cp-wg");
        List<Election> elected = List.of(new Election("QC2", BureauPost.VICE_CHAIR, null, on("2011-01-01"),
                        on("2012-12-31")),
                new Election("QC1", BureauPost.CHAIR, null, on("2011-01-01"), on("2012-12-31")));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                registered(NOTE, "Committee pages guidance note", DocumentKind.GUIDANCE_NOTE, "2013-06-05",
                        List.of("en", "fr"), DocumentAccess.PUBLIC),
                registered(PAPER, "Committee pages restricted paper", DocumentKind.DISCUSSION_PAPER, "2013-06-04",
                        List.of("en"), DocumentAccess.RESTRICTED),
                registered(MINISTERS, "Committee pages decision of the Ministers", DocumentKind.EXTERNAL,
                        "2013-07-10", List.of("en", "fr"), DocumentAccess.PUBLIC),
                meeting.next(new MeetingEvent.MeetingScheduled("T-CY-CP1", MeetingKind.PLENARY,
                        "Committee pages plenary", "Strasbourg", on("2013-06-04"), on("2013-06-05"))),
                meeting.next(new MeetingEvent.AgendaItemAdded("T-CY-CP1", "i1", "Guidance notes",
                        List.of(NOTE, PAPER))),
                meeting.next(new MeetingEvent.MeetingOpened("T-CY-CP1")),
                meeting.next(new MeetingEvent.DecisionAdopted("T-CY-CP1", "d-cp1", "i1",
                        DecisionKind.GENERAL, null, null, "The T-CY adopted the note",
                        MeetingEvent.Vote.consensus(), on("2013-06-05"), 40, 30, MeetingEvent.QuorumBase.PARTIES, NOTE,
                        List.of(), null, null)),
                meeting.next(new MeetingEvent.MeetingClosed("T-CY-CP1")),
                bureau.next(new GovernanceEvent.BureauElected(GovernanceEvent.BUREAU, "T-CY-CP0", "d-cp0",
                        on("2010-11-30"), elected)),
                body.next(new GovernanceEvent.WorkingBodyEstablished("cp-wg", "Committee pages working group",
                        WorkingBodyKind.WORKING_GROUP, NOTE, on("2014-12-31"), List.of("QC1", "QC2", "QC9"),
                        "T-CY-CP1", "d-cp2", on("2013-06-05"))),
                body.next(new GovernanceEvent.MandateExtended("cp-wg", on("2015-06-30"), "T-CY-CP1", "d-cp3",
                        on("2013-06-05"))),
                stream("CP-WG-1").next(new MeetingEvent.MeetingScheduled("CP-WG-1", MeetingKind.WORKING_GROUP,
                        "First meeting of the committee pages group", "Paris", on("2014-03-10"), on("2014-03-11"),
                        "cp-wg")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(OBSERVER_TOKEN).queryParam("meetingId", "T-CY-CP1").get("/documents").then()
                    .statusCode(200).body(containsString("d-cp1"), containsString(PAPER));
            given().get("/working-bodies/cp-wg").then().statusCode(200).body(containsString("2015-06-30"),
                    containsString("CP-WG-1"));
            given().queryParam("asOf", "2012-01-01").get("/bureau").then().statusCode(200)
                    .body(containsString("QC1"), containsString("QC2"));
        });
    }

    private static List<String> all(Pattern pattern, String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1).replace("&#39;", "'"));
        }
        return found;
    }

    private static String page(String session, String path, int status) {
        var request = given().urlEncodingEnabled(false);
        if (session != null) {
            request = request.cookie("tcy-session", session);
        }
        return request.get(path).then().statusCode(status).contentType(containsString("text/html")).extract().asString();
    }

    @Test
    void everyPageAnswersInBothLanguagesWithItsSwitch() {
        for (String path : List.of("/documents", "/documents?symbol=T-CY%282013%29&year=2013&kind=GUIDANCE_NOTE",
                "/documents/" + NOTE_PATH, "/documents/" + MINISTERS_PATH, "/bureau?on=2012-01-01", "/working-bodies",
                "/working-bodies/cp-wg")) {
            for (String lang : List.of("en", "fr")) {
                String other = lang.equals("en") ? "fr" : "en";
                String html = page(null, "/" + lang + path, 200);
                assertTrue(html.contains("<html lang=\"" + lang + "\">"), lang + path + " has its lang");
                String switchHref = ("/" + other + path).replace("&", "&amp;");
                assertTrue(html.contains("href=\"" + switchHref + "\"") && html.contains("data-test=\"language-switch\""),
                        lang + path + " links the same page in " + other + ": " + switchHref);
                assertFalse(html.contains("{committee:") || html.contains("{msg:"), "every text is in the bundles");
            }
        }
        given().urlEncodingEnabled(false).get("/en/documents?year=2013").then()
                .body(containsString("Guidance note"), containsString("5 June 2013"), containsString("English, French"));
        given().urlEncodingEnabled(false).get("/fr/documents?year=2013").then()
                .body(containsString("registre des documents"), containsString("5 juin 2013"),
                        containsString("anglais, français"), containsString("Document d&#39;un autre organe"));
        given().get("/fr/bureau?on=2012-01-01").then().body(containsString("Présidence"),
                containsString("Vice-présidence"), containsString("1er janvier 2011"));
        given().get("/fr/working-bodies/cp-wg").then().body(containsString("Prolongations du mandat"),
                containsString("Mandat expiré"), containsString("30 juin 2015"));
    }

    @Test
    void theRegisterLinksEachDocumentByItsEncodedSymbolAndItsMeetings() {
        String observer = PortalSession.signIn("portal-observer", "test-observer-password", "/en/documents");
        String list = page(observer, "/en/documents?year=2013", 200);
        assertTrue(list.contains("href=\"/en/documents/" + NOTE_PATH + "\""), "the note's link is encoded");
        assertTrue(list.contains("href=\"/en/documents/" + MINISTERS_PATH + "\""), "slashes stay slashes");
        assertTrue(list.contains("href=\"/en/meetings/T-CY-CP1\""), "the meeting that tabled the note is linked");
        String note = page(observer, "/en/documents/" + NOTE_PATH, 200);
        assertTrue(note.contains("Committee pages guidance note") && note.contains("data-test=\"tabling\"")
                   && note.contains("data-decision=\"d-cp1\"") && note.contains("General decision"),
                "an observer sees where the note was tabled and what adopted it");
        String ministers = page(null, "/en/documents/" + MINISTERS_PATH, 200);
        assertTrue(ministers.contains("Committee pages decision of the Ministers"), "a symbol with slashes");
        // the search: symbol or title, in any case
        assertEquals(List.of(MINISTERS), all(SYMBOL, page(null, "/en/documents?symbol=ministers", 200)));
        assertEquals(List.of(NOTE), all(SYMBOL, page(null, "/en/documents?symbol=t-cy%282013%297", 200)));
        // the filters: what the API answers the same reader (other tests of the module register 2013 notes too)
        List<String> notes2013 = all(SYMBOL, page(null, "/en/documents?year=2013&kind=GUIDANCE_NOTE", 200));
        assertTrue(notes2013.contains(NOTE), notes2013.toString());
        assertEquals(given().queryParams(java.util.Map.of("year", 2013, "kind", "GUIDANCE_NOTE", "size", 500))
                .get("/documents").then().statusCode(200).extract().jsonPath().<String>getList("symbol").stream()
                .sorted().toList(), notes2013.stream().sorted().toList());
    }

    @Test
    void thePublicReadsThePublicDocumentsOnlyAsTheApiAnswersIt() {
        String observer = PortalSession.signIn("portal-observer", "test-observer-password", "/en/documents");
        // the public: no restricted paper, and nothing of a meeting whose report is not published
        List<String> publicYear = all(SYMBOL, page(null, "/en/documents?year=2013", 200));
        assertTrue(publicYear.containsAll(List.of(NOTE, MINISTERS)) && !publicYear.contains(PAPER), publicYear.toString());
        assertEquals(given().queryParam("year", "2013").queryParam("size", 500).get("/documents").then().statusCode(200)
                .extract().jsonPath().getList("symbol", String.class), publicYear, "the page is GET /documents");
        String publicNote = page(null, "/en/documents/" + NOTE_PATH, 200);
        assertFalse(publicNote.contains("data-test=\"tabling\"") || publicNote.contains("d-cp1"),
                "the public does not see an unpublished meeting's outcomes");
        page(null, "/en/documents/" + PAPER_PATH, 404);
        assertTrue(page(null, "/fr/documents/" + PAPER_PATH, 404).contains("data-test=\"not-found\""));
        assertEquals(List.of(), all(SYMBOL, page(null, "/en/documents?meeting=T-CY-CP1", 200)));
        // an observer: the restricted paper too, as the API answers an observer
        List<String> observerYear = all(SYMBOL, page(observer, "/en/documents?year=2013", 200));
        assertTrue(observerYear.contains(PAPER), observerYear.toString());
        assertEquals(given().auth().oauth2(OBSERVER_TOKEN).queryParam("year", "2013").queryParam("size", 500)
                .get("/documents").then().statusCode(200).extract().jsonPath().getList("symbol", String.class),
                observerYear, "the page is GET /documents to an observer");
        assertEquals(List.of(PAPER, NOTE), all(SYMBOL, page(observer, "/en/documents?meeting=T-CY-CP1", 200)));
        assertTrue(page(observer, "/en/documents/" + PAPER_PATH, 200).contains("Committee pages restricted paper"));
    }

    @Test
    void aBadQueryIsA400PageNamingTheFieldAndAnUnknownDocumentA404() {
        String bad = page(null, "/en/documents?year=13&kind=MEMO", 400);
        assertTrue(bad.contains("data-test=\"problems\"") && bad.contains("The year “13”")
                   && bad.contains("“MEMO” is not one of the choices of “Kind”"), bad);
        assertFalse(bad.contains("data-test=\"documents\""));
        assertTrue(bad.contains("pattern=\"[0-9]{4}\"") && bad.contains("value=\"13\""), "the form as written");
        String frenchBad = page(null, "/fr/documents?year=0013", 400);
        assertTrue(frenchBad.contains("0013") && frenchBad.contains("<html lang=\"fr\">"));
        String badDate = page(null, "/en/bureau?on=2012-13-45", 400);
        assertTrue(badDate.contains("data-test=\"problems\"") && badDate.contains("2012-13-45"));
        String unknown = page(null, "/en/documents/T-CY%282099%291", 404);
        assertTrue(unknown.contains("T-CY(2099)1") && unknown.contains("data-test=\"not-found\""));
        assertTrue(page(null, "/fr/working-bodies/no-such-body", 404).contains("no-such-body"));
    }

    @Test
    void theBureauOnADateAndItsElectionsAsTheApiAnswers() {
        String html = page(null, "/en/bureau?on=2012-01-01", 200);
        List<String> seats = all(SEAT, html);
        assertEquals(given().queryParam("asOf", "2012-01-01").get("/bureau").then().statusCode(200).extract()
                .jsonPath().getList("seats.memberId", String.class), seats, "the page is GET /bureau");
        assertEquals(List.of("QC1", "QC2"), seats, "the Chair first");
        assertTrue(html.contains("Committeeland") && html.contains("Pagesia") && html.contains("Vice-chair")
                   && html.contains("decision d-cp0 of T-CY-CP0"), "named members, their posts and election");
        assertTrue(html.contains("data-test=\"term\" data-member=\"QC1\" data-post=\"CHAIR\" data-from=\"2011-01-01\""),
                "the elections' history");
        String before = page(null, "/en/bureau?on=2010-12-31", 200);
        assertTrue(before.contains("data-test=\"bureau-none\"") && before.contains("data-member=\"QC1\""),
                "no Bureau on the day before the term, its election in the history");
    }

    @Test
    void theWorkingBodiesWithTheirMandatesMembersAndMeetingsAsTheApiAnswers() {
        String list = page(null, "/en/working-bodies", 200);
        assertEquals(given().queryParam("size", 500).get("/working-bodies").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class), all(BODY, list), "the page is GET /working-bodies");
        assertTrue(list.contains("data-test=\"working-body\" data-id=\"cp-wg\" data-running=\"false\""));
        assertTrue(list.contains("href=\"/en/working-bodies/cp-wg\"") && list.contains("30 June 2015"));
        String body = page(null, "/en/working-bodies/cp-wg", 200);
        assertTrue(body.contains("Committee pages working group") && body.contains("data-until=\"2015-06-30\"")
                   && body.contains("data-test=\"extension\" data-until=\"2015-06-30\""), "the mandate as extended");
        assertTrue(body.contains("Committeeland") && body.contains("Pagesia") && body.contains("data-id=\"QC9\">QC9"),
                "members named from the register, an unknown one by its id");
        assertTrue(body.contains("href=\"/en/meetings/CP-WG-1\"") && body.contains("10 March 2014"), "its meetings");
        assertTrue(body.contains("href=\"/en/documents/" + NOTE_PATH + "\""), "its terms of reference linked");
        String observer = PortalSession.signIn("portal-observer", "test-observer-password", "/en/working-bodies");
        assertEquals(body.replaceAll("(?s)<header.*</header>", ""),
                page(observer, "/en/working-bodies/cp-wg", 200).replaceAll("(?s)<header.*</header>", ""),
                "the bodies are the public record: an observer reads the same");
        given().get("/en/working-bodies").then().body(not(containsString("{committee:")));
    }
}
