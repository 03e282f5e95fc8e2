package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.rebuild.RebuildReport;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The auditor's rebuilds and parked records through the portal, over the real topics and database: a rebuild started
 * by the form (its CSRF token required), followed while it runs and compared when done, as {@code GET
 * /audit/rebuild/{id}} reports it; a record the register parks, listed as {@code GET /audit/parked} lists it and
 * retried by the form; both languages with their switch and the audit pages' own navigation; an observer refused,
 * the secretariat reading the parked records but not rebuilding (as the API).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditRebuildPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final String AUDITOR_TOKEN = Tokens.forTests().token("auditor");
    private static final String OBSERVER_TOKEN = Tokens.forTests().token("observer");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;

    private static String signIn(String username, String password) {
        return PortalSession.signIn(username, password, "/en/");
    }

    /** A page's form token and the cookie it goes with, as a browser holds them. */
    private record Form(String cookie, String token, String page) {
        static Form of(String session, String path) {
            Response answer = given().cookie("tcy-session", session).get(path);
            answer.then().statusCode(200);
            Matcher token = CSRF.matcher(answer.asString());
            assertTrue(token.find(), path + " carries a CSRF token in its form");
            assertNotNull(answer.getCookie("tcy-csrf"), path + " sets the CSRF cookie");
            return new Form(answer.getCookie("tcy-csrf"), token.group(1), answer.asString());
        }
    }

    private static int count(String page, String what) {
        return page.split(Pattern.quote(what), -1).length - 1;
    }

    private static String attribute(String page, String element, String attribute) {
        Matcher found = Pattern.compile(Pattern.quote(element) + "[^>]*?" + attribute + "=\"([^\"]*)\"").matcher(page);
        assertTrue(found.find(), element + " has " + attribute);
        return found.group(1);
    }

    private static String latestRebuild(String rebuilds) {
        return rebuilds.contains("data-test=\"rebuild-row\"") ? attribute(rebuilds, "data-test=\"rebuild-row\"", "data-id")
                : "none";
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Map<String, Object>> parkedOf(String subject) {
        return JsonPath.from(given().auth().oauth2(AUDITOR_TOKEN).get("/audit/parked").then().statusCode(200).extract()
                .asString()).<Map<String, Object>>getList("").stream()
                .filter(parked -> subject.equals(parked.get("subject"))).toList();
    }

    @Test
    @Order(1)
    void aParkedRecordIsListedAsTheApiListsItAndRetriedByTheForm() throws Exception {
        String member = "PW";
        execute("CREATE OR REPLACE FUNCTION refuse_pw() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.id = 'PW' THEN RAISE EXCEPTION 'the register refuses PW for this test'; END IF; "
                + "RETURN NEW; END $$ LANGUAGE plpgsql");
        execute("CREATE TRIGGER refuse_pw BEFORE INSERT ON register_member FOR EACH ROW EXECUTE FUNCTION refuse_pw()");
        try {
            PublishedStream palau = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership",
                    member);
            PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                    palau.next(new MembershipEvent.MemberRegistered(member, "Palau", MemberKind.STATE, false)),
                    palau.next(new MembershipEvent.TreatySigned(member, Treaty.ETS185, LocalDate.parse("2014-09-02"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf(member).size() == 2);
        } finally {
            execute("DROP TRIGGER IF EXISTS refuse_pw ON register_member");
        }
        String auditor = signIn("portal-auditor", "test-auditor-password");
        Form form = Form.of(auditor, "/en/audit/parked");
        // the page lists what the API lists to an auditor: the same records, the same reasons
        List<Object> listed = given().auth().oauth2(AUDITOR_TOKEN).get("/audit/parked").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertEquals(listed.size(), count(form.page(), "data-test=\"parked-record\""), "as many records as the API");
        for (Object id : listed) {
            assertTrue(form.page().contains("data-test=\"parked-record\" data-id=\"" + id + "\""), "record " + id);
        }
        List<Map<String, Object>> parked = parkedOf(member);
        String head = String.valueOf(parked.get(0).get("id"));
        String waiting = String.valueOf(parked.get(1).get("id"));
        assertTrue(form.page().contains("the register refuses PW for this test"), "the reason");
        assertTrue(form.page().contains(String.valueOf(parked.get(0).get("topic"))), "the topic");
        assertTrue(form.page().contains("Waits behind an earlier record of its aggregate."), "the waiting one");
        assertTrue(form.page().contains("action=\"/en/audit/parked/" + head + "/retry\""), "a retry button");
        assertTrue(form.page().contains("aria-current=\"page\" data-test=\"audit-nav-parked\""), "the current page");

        // a post without the form's token is refused, and retries nothing
        given().redirects().follow(false).cookie("tcy-session", auditor).cookie("tcy-csrf", form.cookie())
                .contentType("application/x-www-form-urlencoded").post("/en/audit/parked/" + waiting + "/retry")
                .then().statusCode(400).contentType(containsString("text/html"));
        given().redirects().follow(false).cookie("tcy-session", auditor)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", form.token())
                .post("/en/audit/parked/" + waiting + "/retry").then().statusCode(400);
        assertEquals(2, parkedOf(member).size(), "nothing retried without the token");
        // an observer neither sees nor retries
        String observer = signIn("portal-observer", "test-observer-password");
        given().cookie("tcy-session", observer).get("/en/audit/parked").then().statusCode(403)
                .body(containsString("data-test=\"role-cannot-audit\""), not(containsString("parked-record")));
        Form observers = Form.of(observer, "/en/sign-out");
        given().redirects().follow(false).cookie("tcy-session", observer).cookie("tcy-csrf", observers.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", observers.token())
                .post("/en/audit/parked/" + waiting + "/retry").then().statusCode(403);
        assertEquals(2, parkedOf(member).size(), "nothing retried by an observer");

        // the cause mended, the retry by the form applies both in order and comes back to the list
        Response retried = given().redirects().follow(false).cookie("tcy-session", auditor)
                .cookie("tcy-csrf", form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", form.token()).post("/en/audit/parked/" + waiting + "/retry");
        retried.then().statusCode(303).header("Location", containsString("/en/audit/parked?retried=" + waiting));
        String back = retried.header("Location").substring(retried.header("Location").indexOf("/en/"));
        given().cookie("tcy-session", auditor).get(back).then().statusCode(200)
                .body(containsString("data-test=\"parked-retried\" data-id=\"" + waiting + "\" data-applied=\"2\" "
                                + "data-still-parked=\"0\""), containsString("2 applied, 0 still parked."),
                        not(containsString("data-subject=\"PW\"")));
        assertEquals(0, parkedOf(member).size());
        given().auth().oauth2(OBSERVER_TOKEN).queryParam("asOf", "2014-09-02").get("/members/PW").then()
                .statusCode(200);
        // in French, with its switch that keeps the query
        given().cookie("tcy-session", auditor).get(back.replace("/en/", "/fr/")).then().statusCode(200)
                .header("Content-Language", "fr")
                .body(containsString("<html lang=\"fr\">"), containsString("2 appliqué(s), 0 encore mis de côté."),
                        containsString("href=\"" + back.replace("&", "&amp;") + "\""));

        // a query that is not a number: the problems listed (400); a record that is not parked: 404
        given().cookie("tcy-session", auditor).get("/en/audit/parked?retried=seven&applied=-1").then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("data-test=\"problems\""), containsString("seven is not a whole number."),
                        containsString("-1 is not a whole number."));
        given().redirects().follow(false).cookie("tcy-session", auditor).cookie("tcy-csrf", form.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", form.token())
                .post("/fr/audit/parked/987654321/retry").then().statusCode(404)
                .body(containsString("Aucun enregistrement mis de côté 987654321."));
        // the secretariat reads and retries them too (as the API), but does not rebuild
        String secretariat = signIn("portal-secretariat", "test-secretariat-password");
        given().cookie("tcy-session", secretariat).get("/en/audit/parked").then().statusCode(200)
                .body(containsString("data-test=\"audit-nav\""), not(containsString("data-test=\"audit-nav-rebuilds\"")));
    }

    @Test
    @Order(2)
    void aRebuildStartedByTheFormShowsItsProgressThenItsComparisonAsTheApiReportsIt() {
        String auditor = signIn("portal-auditor", "test-auditor-password");
        Form form = Form.of(auditor, "/en/audit/rebuilds");
        assertTrue(form.page().contains("data-test=\"rebuild-form\"") && form.page().contains("method=\"post\""));

        // without the form's token: refused (400), nothing started
        String latest = latestRebuild(form.page());
        given().redirects().follow(false).cookie("tcy-session", auditor).cookie("tcy-csrf", form.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", "A".repeat(43))
                .post("/en/audit/rebuilds").then().statusCode(400).contentType(containsString("text/html"))
                .body(not(containsString("data-test=\"rebuild\"")));
        assertEquals(latest, latestRebuild(given().cookie("tcy-session", auditor).get("/en/audit/rebuilds").then()
                .statusCode(200).extract().asString()), "no rebuild started without the token");

        // with it: 303 to the rebuild's page (another rebuild of this module may still be finishing)
        String[] location = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Response started = given().redirects().follow(false).cookie("tcy-session", auditor)
                    .cookie("tcy-csrf", form.cookie()).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", form.token()).post("/en/audit/rebuilds");
            if (started.statusCode() == 409) {
                assertTrue(started.asString().contains("A rebuild is already running"));
                return false;
            }
            started.then().statusCode(303);
            location[0] = started.header("Location");
            return true;
        });
        String path = location[0].substring(location[0].indexOf("/en/audit/rebuilds/"));
        String id = path.substring("/en/audit/rebuilds/".length());
        Response first = given().cookie("tcy-session", auditor).get(path);
        first.then().statusCode(200).body(containsString("data-test=\"rebuild\" data-id=\"" + id + "\""));
        if (first.asString().contains("data-state=\"RUNNING\"")) {
            // while it runs: a progress bar with its text, and the page reloads itself
            assertTrue(first.asString().contains("<progress id=\"rebuild-progress\""), "a progress bar");
            assertTrue(first.asString().contains("data-test=\"rebuild-progress-text\""), "its text equivalent");
            assertTrue(first.asString().contains("<meta http-equiv=\"refresh\""), "a reload");
            assertEquals(String.valueOf(RebuildPages.REFRESH_SECONDS), first.header("Refresh"));
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> !given()
                .cookie("tcy-session", auditor).get(path).then().statusCode(200).extract().asString()
                .contains("data-state=\"RUNNING\""));

        // done: the comparison as the API reports it to an auditor
        JsonPath report = given().auth().oauth2(AUDITOR_TOKEN).get("/audit/rebuild/" + id).then().statusCode(200)
                .extract().jsonPath();
        Response done = given().cookie("tcy-session", auditor).get(path);
        String page = done.asString();
        assertEquals(null, done.header("Refresh"), "a finished rebuild's page no longer reloads");
        assertFalse(page.contains("http-equiv=\"refresh\""));
        assertFalse(page.contains("<progress"));
        assertEquals(report.getString("state"), attribute(page, "data-test=\"rebuild\"", "data-state"));
        assertEquals("DONE", report.getString("state"), "the rebuild ran: " + report.getString("error"));
        assertEquals(String.valueOf(report.getBoolean("equal")), attribute(page, "data-test=\"rebuild\"", "data-equal"));
        assertEquals(String.valueOf(report.getBoolean("switched")),
                attribute(page, "data-test=\"rebuild\"", "data-switched"));
        assertEquals(String.valueOf(report.getLong("events")), attribute(page, "data-test=\"rebuild\"", "data-events"));
        List<String> groups = report.getList("readModels.group");
        assertEquals(groups.size(), count(page, "data-test=\"rebuild-read-model\""));
        assertTrue(groups.contains("projection-register"));
        for (String group : groups) {
            assertTrue(page.contains("data-group=\"" + group + "\""), group);
        }
        List<String> tables = report.getList("differences.table");
        assertEquals(tables.size(), count(page, "data-test=\"rebuild-difference\""));
        assertEquals(tables.isEmpty(), page.contains("data-test=\"rebuild-equal\""));
        for (String table : tables) {
            assertTrue(page.contains("data-table=\"" + table + "\""), table);
        }
        // what reload may be: off, or nothing
        given().cookie("tcy-session", auditor).get(path + "?reload=maybe").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("maybe is not a choice of reloading"));
        given().cookie("tcy-session", auditor).get(path + "?reload=off").then().statusCode(200)
                .body(containsString("data-state=\"DONE\""), not(containsString("http-equiv=\"refresh\"")));
        // listed with the past rebuilds, most recent first
        String list = given().cookie("tcy-session", auditor).get("/en/audit/rebuilds").then().statusCode(200)
                .extract().asString();
        assertEquals(id, attribute(list, "data-test=\"rebuild-row\"", "data-id"), "the latest first");
        // in French, with its switch
        given().cookie("tcy-session", auditor).get(path.replace("/en/", "/fr/")).then().statusCode(200)
                .header("Content-Language", "fr").body(containsString("<html lang=\"fr\">"),
                        containsString("href=\"" + path + "\""), containsString("Modèles de lecture rejoués"));
        // no such rebuild: 404
        given().cookie("tcy-session", auditor).get("/en/audit/rebuilds/no-such-rebuild").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No rebuild no-such-rebuild."));
    }

    @Test
    @Order(3)
    void bothLanguagesAnswerWithTheirSwitchAndTheAuditPagesLinkEachOther() {
        String auditor = signIn("portal-auditor", "test-auditor-password");
        Map<String, String> current = Map.of("/audit/verify", "verify", "/audit/history", "history",
                "/audit/rebuilds", "rebuilds", "/audit/parked", "parked");
        for (Map.Entry<String, String> entry : current.entrySet()) {
            String path = entry.getKey();
            for (String lang : List.of("en", "fr")) {
                String other = lang.equals("en") ? "fr" : "en";
                String page = given().cookie("tcy-session", auditor).get("/" + lang + path).then().statusCode(200)
                        .header("Content-Language", lang).extract().asString();
                assertTrue(page.contains("<html lang=\"" + lang + "\">"), lang + path);
                assertTrue(page.contains("href=\"/" + other + path + "\""), lang + path + " links its " + other);
                for (String linked : current.keySet()) {
                    assertTrue(page.contains("href=\"/" + lang + linked + "\""), lang + path + " links " + linked);
                }
                assertEquals(1, count(page, "aria-current=\"page\" data-test=\"audit-nav-"), "one current");
                assertTrue(page.contains("aria-current=\"page\" data-test=\"audit-nav-" + entry.getValue() + "\""),
                        lang + path + " is current");
            }
        }
        given().cookie("tcy-session", auditor).get("/fr/audit/rebuilds").then()
                .body(containsString("Lancer une reconstruction"), containsString("Reconstructions"),
                        containsString("Enregistrements mis de côté"));
        given().cookie("tcy-session", auditor).get("/en/audit/rebuilds").then()
                .body(containsString("Start a rebuild"), containsString("Parked records"));
    }

    @Test
    @Order(4)
    void anObserverIsRefusedAnyoneAskedToSignInAndTheSecretariatDoesNotRebuild() {
        String observer = signIn("portal-observer", "test-observer-password");
        for (String path : List.of("/en/audit/rebuilds", "/fr/audit/rebuilds/any", "/en/audit/parked")) {
            given().cookie("tcy-session", observer).get(path).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(not(containsString("data-test=\"rebuild-form\"")), not(containsString("data-test=\"parked\"")),
                            not(containsString("data-test=\"audit-nav\"")));
            given().redirects().follow(false).get(path).then().statusCode(401)
                    .body(containsString("data-test=\"sign-in-required\""), containsString("/sign-in?next="));
        }
        String secretariat = signIn("portal-secretariat", "test-secretariat-password");
        given().cookie("tcy-session", secretariat).get("/en/audit/rebuilds").then().statusCode(403)
                .body(containsString("data-test=\"role-cannot-rebuild\""), not(containsString("rebuild-form")));
        given().auth().oauth2(Tokens.forTests().token("secretariat")).post("/audit/rebuild").then().statusCode(403);
        Form form = Form.of(secretariat, "/en/sign-out");
        given().redirects().follow(false).cookie("tcy-session", secretariat).cookie("tcy-csrf", form.cookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", form.token())
                .post("/en/audit/rebuilds").then().statusCode(403);
    }

    /**
     * A rebuild of this module's small topics may end before its page is first read: its running page is rendered
     * here from a running report as {@code GET /audit/rebuild/{id}} gives it, with how far its read models have read.
     */
    @Test
    @Order(5)
    void aRunningRebuildShowsAProgressBarWithItsTextAndReloadsItself() {
        RebuildReport running = new RebuildReport("r-1", RebuildReport.RUNNING, false, false, "portal-auditor",
                Instant.parse("2026-11-30T15:10:00Z"), null, null, null, 12_345, 0, 0, 0,
                List.of(new RebuildReport.ReadModel("projection-register", List.of("tcy.membership.v1"), 12_000, 11_990,
                                10, 0, 90_000),
                        new RebuildReport.ReadModel("projection-meetings", List.of("tcy.meetings.v1"), 345, 345, 0, 0,
                                10_000)), List.of(), null);
        for (Language lang : Language.values()) {
            Page page = new Page(lang, "/audit/rebuilds/r-1", "", "portal-auditor", "auditor", "audit");
            String html = (String) Pages.html(AuditTemplates.rebuild(page, true, RebuildPages.view(running, lang), true,
                    RebuildPages.REFRESH_SECONDS), page).getEntity();
            assertTrue(html.contains("<progress id=\"rebuild-progress\" max=\"100000\" value=\"12345\""), html);
            assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"" + RebuildPages.REFRESH_SECONDS + "\">"));
            assertTrue(html.contains("<label for=\"rebuild-progress\">"), "the bar is labelled");
            assertTrue(html.contains("href=\"/" + lang.code() + "/audit/rebuilds/r-1?reload=off\" "
                                     + "data-test=\"rebuild-stop-reloading\""), "the reload can be stopped (WCAG 2.2.1)");
            assertFalse(html.contains("data-test=\"rebuild-differences\""), "no comparison before the end");
            String text = lang == Language.EN ? "12,345 of 100,000 events read"
                    : "12\u202f345 événements lus sur 100\u202f000";
            assertTrue(html.replace('\u00a0', '\u202f').contains(text), lang + ": " + text);
        }
        // a running rebuild's first moments: its tables being made, nothing read yet, a bar without a value
        RebuildReport starting = new RebuildReport("r-2", RebuildReport.RUNNING, false, false, "portal-auditor",
                Instant.parse("2026-11-30T15:10:00Z"), null, null, null, 0, 0, 0, 0, List.of(), List.of(), null);
        Page page = new Page(Language.FR, "/audit/rebuilds/r-2", "", "portal-auditor", "auditor", "audit");
        String html = (String) Pages.html(AuditTemplates.rebuild(page, true, RebuildPages.view(starting, Language.FR),
                true, RebuildPages.REFRESH_SECONDS), page).getEntity();
        assertTrue(html.contains("<progress id=\"rebuild-progress\" data-test=\"rebuild-progress\">"), html);
        assertTrue(html.contains("aucun événement lu pour l&#39;instant"), html);
        // its reload stopped: no reload, a link to reload it by hand and one to resume
        String stopped = (String) Pages.html(AuditTemplates.rebuild(page, true, RebuildPages.view(starting, Language.FR),
                false, RebuildPages.REFRESH_SECONDS), page).getEntity();
        assertFalse(stopped.contains("http-equiv=\"refresh\""), stopped);
        assertTrue(stopped.contains("data-test=\"rebuild-reloading-off\"")
                   && stopped.contains("href=\"/fr/audit/rebuilds/r-2\" data-test=\"rebuild-resume-reloading\""), stopped);
    }
}
