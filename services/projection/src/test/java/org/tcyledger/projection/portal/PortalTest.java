package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.contracts.meetings.GuidanceNoteEvent;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;

/**
 * The portal through HTTP, over the real topics: every page in both languages with its {@code lang} and its switch
 * to the other language; the register on a date; what anonymous visitors do not see; signing in with a user of the
 * projection's database (CSRF token, wrong password, the cookie's flags); and the JSON API untouched by it all.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class PortalTest {

    private static final EventCatalog MEMBERSHIP = new EventCatalog(MembershipEvent.class);
    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GuidanceNoteEvent.class,
            DocumentEvent.class);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String signIn(String username, String password) {
        return PortalSession.signIn(username, password, "/en/register");
    }

    @Test
    void everyPageAnswersInBothLanguagesWithItsSwitch() {
        for (String path : List.of("/", "/register?on=2014-12-02&treaty=ETS185", "/treaties/ETS185/chart?on=2014-12-02",
                "/meetings?kind=PLENARY&year=2014", "/guidance-notes", "/sign-in", "/assessment-reports",
                "/documents?year=2014", "/bureau", "/working-bodies")) {
            for (String lang : List.of("en", "fr")) {
                String other = lang.equals("en") ? "fr" : "en";
                String page = given().get("/" + lang + path).then().statusCode(200).contentType(containsString("text/html"))
                        .header("Content-Language", lang).extract().asString();
                assertTrue(page.contains("<html lang=\"" + lang + "\">"), lang + path + " has its lang");
                String switchHref = ("/" + other + path).replace("&", "&amp;");
                assertTrue(page.contains("href=\"" + switchHref + "\"") && page.contains("data-test=\"language-switch\""),
                        lang + path + " links the same page in " + other + ": " + switchHref);
                assertTrue(page.contains("href=\"#main\"") && page.contains("id=\"main\""), "a skip link to the content");
                assertTrue(page.contains("href=\"/q/swagger-ui\""), "the footer links Swagger UI");
            }
        }
        given().get("/en/").then().body(containsString("The Cybercrime Convention Committee (T-CY)"))
                .body(containsString("id=\"indicators\""));
        given().get("/fr/").then().body(containsString("Le Comité de la Convention sur la cybercriminalité (T-CY)"));
        given().get("/en").then().statusCode(200).body(containsString("<html lang=\"en\">"));
        given().get("/fr/no-such-page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fr\">"), containsString("data-test=\"not-found\""));
    }

    @Test
    void theRootSendsABrowserToItsLanguage() {
        given().redirects().follow(false).header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8").get("/").then()
                .statusCode(303).header("Location", allOf(containsString("/fr/")));
        given().redirects().follow(false).header("Accept-Language", "de, en-GB;q=0.7").get("/").then()
                .statusCode(303).header("Location", containsString("/en/"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/en/"));
    }

    @Test
    void theRegisterPageShowsTheMembersOnADate() {
        PublishedStream portalia = new PublishedStream(MEMBERSHIP, "/tcy/membership", "QM");
        PublishedStream testland = new PublishedStream(MEMBERSHIP, "/tcy/membership", "QN");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                portalia.next(new MembershipEvent.MemberRegistered("QM", "Portalia", MemberKind.STATE, true)),
                portalia.next(new MembershipEvent.TreatySigned("QM", Treaty.ETS185, LocalDate.parse("2001-11-23"))),
                portalia.next(new MembershipEvent.InstrumentDeposited("QM", Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2004-05-12"), List.of(), List.of(), LocalDate.parse("2004-09-01"))),
                testland.next(new MembershipEvent.MemberRegistered("QN", "Testland", MemberKind.STATE, true)),
                testland.next(new MembershipEvent.TreatySigned("QN", Treaty.ETS185, LocalDate.parse("2001-11-23"))),
                testland.next(new MembershipEvent.InstrumentDeposited("QN", Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2015-01-20"), List.of(), List.of(), LocalDate.parse("2015-05-01"))));
        String session = signIn("portal-observer", "test-observer-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().cookie("tcy-session", session)
                .get("/en/register?on=2014-12-02&treaty=ETS185&status=PARTY&kind=STATE").then().statusCode(200)
                .body(containsString("data-id=\"QM\""), containsString("Portalia"), not(containsString("data-id=\"QN\"")),
                        containsString("2 December 2014")));
        given().cookie("tcy-session", session).get("/fr/register?on=2014-12-02&treaty=ETS185&status=SIGNATORY").then()
                .statusCode(200).body(containsString("data-id=\"QN\""), not(containsString("data-id=\"QM\"")),
                        containsString("2 décembre 2014"), containsString("data-test=\"parties-chart\""));
        given().cookie("tcy-session", session).get("/en/members/QM").then().statusCode(200)
                .body(containsString("Portalia"), containsString("12 May 2004"), containsString("1 September 2004"));
        given().cookie("tcy-session", session).get("/fr/members/QM").then().statusCode(200)
                .body(containsString("1er septembre 2004"));
        // a date or a choice that is not one: a message on the page, not an error of the server
        given().cookie("tcy-session", session).get("/en/register?on=2014-13-45&status=MAYBE").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("data-test=\"problems\""),
                        containsString("2014-13-45"), containsString("MAYBE"));
        given().cookie("tcy-session", session).get("/en/members/QX").then().statusCode(404)
                .contentType(containsString("text/html"));
        // the Treaty Office chart is public, and its CSV a plain link
        given().get("/en/treaties/ETS185/chart?on=2014-12-02").then().statusCode(200)
                .body(containsString("data-id=\"QM\""), containsString("/en/treaties/ETS185/chart.csv?on=2014-12-02"));
        given().get("/en/treaties/ETS185/chart.csv?on=2014-12-02").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(startsWith("memberId,name,"), containsString("QM,Portalia,true,2001-11-23,2004-05-12"));
    }

    @Test
    void anonymousVisitorsSeeThePublicRecordOnly() {
        PublishedStream meeting = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY-PORTAL");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                meeting.next(new MeetingEvent.MeetingScheduled("T-CY-PORTAL", MeetingKind.PLENARY,
                        "Portal plenary, unpublished", "Strasbourg", LocalDate.parse("2014-12-02"),
                        LocalDate.parse("2014-12-03"))),
                meeting.next(new MeetingEvent.AgendaItemAdded("T-CY-PORTAL", "item-1", "Opening of the meeting",
                        List.of())));
        String session = signIn("portal-observer", "test-observer-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().cookie("tcy-session", session)
                .get("/en/meetings/T-CY-PORTAL").then().statusCode(200)
                .body(containsString("Portal plenary, unpublished"), containsString("Opening of the meeting")));
        given().get("/en/meetings/T-CY-PORTAL").then().statusCode(404).contentType(containsString("text/html"))
                .body(not(containsString("Opening of the meeting")));
        given().get("/en/meetings?year=2014").then().statusCode(200).body(not(containsString("T-CY-PORTAL")));
        given().cookie("tcy-session", session).get("/en/meetings?year=2014").then().statusCode(200)
                .body(containsString("T-CY-PORTAL"));
        // consultations are the committee's: only its roles find them in the navigation
        given().get("/en/").then().body(not(containsString("data-test=\"nav-consultations\"")),
                containsString("data-test=\"nav-reports\""), containsString("data-test=\"nav-documents\""));
        given().cookie("tcy-session", session).get("/en/").then()
                .body(containsString("data-test=\"nav-consultations\""));
        given().get("/en/register?on=2014-12-02").then().statusCode(200)
                .body(containsString("data-test=\"sign-in-required\""), not(containsString("data-test=\"register\"")));
        given().get("/en/members/QM").then().statusCode(200).body(containsString("data-test=\"sign-in-required\""),
                not(containsString("Portalia")));
        // a role outside the committee's reads no more of the register than anyone
        String network = signIn("portal-network", "test-network-password");
        given().cookie("tcy-session", network).get("/fr/register?on=2014-12-02").then().statusCode(200)
                .body(containsString("data-test=\"role-cannot-read\""), not(containsString("data-test=\"register\"")));
    }

    @Test
    void signingInNeedsTheCsrfTokenAndTheRightPassword() {
        Response form = given().get("/fr/sign-in");
        String csrfCookie = form.getCookie("tcy-csrf");
        assertNotNull(csrfCookie);
        assertTrue(form.getDetailedCookie("tcy-csrf").isHttpOnly());
        Matcher token = CSRF.matcher(form.asString());
        assertTrue(token.find());
        // no token in the form: refused before the password is even read
        assertTrue(given().redirects().follow(false).cookie("tcy-csrf", csrfCookie).contentType("application/x-www-form-urlencoded")
                .formParam("username", "portal-observer").formParam("password", "test-observer-password")
                .post("/fr/sign-in").then().statusCode(400).extract().cookie("tcy-session") == null, "no session");
        // a wrong password: the form again, with a message, and no session
        assertNull(given().redirects().follow(false).cookie("tcy-csrf", csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token.group(1))
                .formParam("username", "portal-observer").formParam("password", "not-the-password")
                .post("/fr/sign-in").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("data-test=\"sign-in-failed\"")).extract().cookie("tcy-session"));
        // the right one: a session cookie, HttpOnly and SameSite, and the page says who is signed in
        Response signedIn = given().redirects().follow(false).cookie("tcy-csrf", csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token.group(1))
                .formParam("username", "portal-secretariat").formParam("password", "test-secretariat-password")
                .formParam("next", "https://elsewhere.example/").post("/fr/sign-in");
        signedIn.then().statusCode(303).header("Location", containsString("/fr/"))
                .header("Location", not(containsString("elsewhere")));
        io.restassured.http.Cookie session = signedIn.getDetailedCookie("tcy-session");
        assertNotNull(session);
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("lax", String.valueOf(session.getSameSite()).toLowerCase());
        given().cookie("tcy-session", session.getValue()).get("/fr/").then().statusCode(200)
                .body(containsString("data-test=\"signed-in-as\""), containsString("portal-secretariat"));
        // Quarkus's own post location does not sign anyone in without a CSRF token
        assertNull(given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "portal-observer").formParam("j_password", "test-observer-password")
                .post("/j_security_check").then().statusCode(404).extract().cookie("tcy-session"));
    }

    @Test
    void theApiStillAnswers401ProblemsWithoutABearerToken() {
        given().redirects().follow(false).get("/members").then().statusCode(401)
                .contentType("application/problem+json").header("Location", nullValue())
                .header("WWW-Authenticate", "Bearer");
        // a portal session is not a credential of the API
        String session = signIn("portal-auditor", "test-auditor-password");
        given().redirects().follow(false).cookie("tcy-session", session).get("/members").then().statusCode(401)
                .contentType("application/problem+json");
        given().redirects().follow(false).cookie("tcy-session", session).get("/audit/verify").then().statusCode(401);
        // the API sets no cookie of the portal
        assertNull(given().get("/treaties/ETS185/chart").then().statusCode(200).extract().cookie("tcy-csrf"));
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("/{lang")), not(containsString("sign-in")));
    }

    @Test
    void guidanceNotesShowBothLanguagesAndDraftsOnlyToTheSecretariat() {
        PublishedStream note = new PublishedStream(MEETINGS, "/tcy/meetings", "gn-portal");
        PublishedStream document = new PublishedStream(MEETINGS, "/tcy/meetings", "T-CY(2014)77");
        GuidanceNoteEvent.Texts texts = new GuidanceNoteEvent.Texts("The English text of the note.",
                "Le texte français de la note.");
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                document.next(new DocumentEvent.DocumentRegistered("T-CY(2014)77", "A guidance note",
                        DocumentEvent.DocumentKind.GUIDANCE_NOTE, LocalDate.parse("2014-11-01"), List.of("en", "fr"),
                        DocumentEvent.DocumentAccess.PUBLIC, null)),
                note.next(new GuidanceNoteEvent.GuidanceNoteDrafted("gn-portal", 1, "Guidance Note on portals",
                        List.of("2", "3"), texts, false, "T-CY(2014)77")),
                note.next(new GuidanceNoteEvent.GuidanceNoteAdopted("gn-portal", 1, "T-CY-PORTAL-GN", "d-portal-1",
                        LocalDate.parse("2014-12-03"))),
                note.next(new GuidanceNoteEvent.GuidanceNoteRevised("gn-portal", 2, "Guidance Note on portals",
                        List.of("2", "3"), new GuidanceNoteEvent.Texts("A revised draft.", "Un projet révisé."), false,
                        "T-CY(2014)77")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/en/guidance-notes/gn-portal").then()
                .statusCode(200).body(containsString("The English text of the note."),
                        containsString("Le texte français de la note."), containsString("lang=\"fr\""),
                        containsString("3 December 2014"), containsString("T-CY(2014)77")));
        given().get("/en/guidance-notes/gn-portal").then().body(not(containsString("A revised draft.")));
        String secretariat = signIn("portal-secretariat", "test-secretariat-password");
        given().cookie("tcy-session", secretariat).get("/en/guidance-notes/gn-portal").then().statusCode(200)
                .body(containsString("A revised draft."), containsString("data-test=\"draft\""));
        given().get("/en/guidance-notes/gn-unknown").then().statusCode(404).contentType(containsString("text/html"));
        given().get("/fr/guidance-notes").then().statusCode(200).body(containsString("gn-portal"));
    }
}
