package org.tcyledger.endtoend.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.tcyledger.endtoend.RecordedStack;
import org.tcyledger.testing.Tokens;

/**
 * The portal as its people use it, in Debian's Chromium, on the real record loaded by the demo: an observer (who
 * were the Parties on 2 December 2014; what did T-CY 14 decide), the public (an adopted guidance note in French; a
 * plenary found by keyboard alone, every focus visible), an auditor (verify; replay an assessment cycle to the day
 * before its adoption).
 * What a page shows is compared with what the API answers for the same question, which the stories of
 * RealRecordStoryTest check against the record itself. Every page visited is screenshot under
 * {@code target/screenshots/} and checked by axe-core: no serious or critical violation of WCAG 2.1 A or AA.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String OBSERVER = TOKENS.token("observer");
    private static final String OBSERVER_PASSWORD = "observer-" + Long.toHexString(System.nanoTime());
    private static final String AUDITOR = TOKENS.token("auditor");
    private static final String AUDITOR_PASSWORD = "auditor-" + Long.toHexString(System.nanoTime());
    private static final List<Browser.Accessibility> CHECKED = new ArrayList<>();

    private static RecordedStack stack;

    @BeforeAll
    static void loadTheRecord() throws Exception {
        Path users = Path.of("target/portal-users").toAbsolutePath();
        Files.createDirectories(users.getParent());
        Files.writeString(users, "# username role password\nobserver observer " + OBSERVER_PASSWORD + "\n"
                + "auditor auditor " + AUDITOR_PASSWORD + "\n");
        stack = RecordedStack.start(TOKENS, Map.of("tcy.portal.users-file", users.toString()));
        stack.loadTheRecord(TOKENS.token("secretariat"), Path.of("target/portal-journeys-demo.log").toAbsolutePath());
        // the projection follows the topics: the journeys start once it shows T-CY 14's outcome
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> given()
                .baseUri(stack.projection.url()).auth().oauth2(OBSERVER).get("/meetings/T-CY-14/outcomes")
                .statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (!CHECKED.isEmpty()) {
            StringBuilder report = new StringBuilder("| page | violations by impact | serious or critical |\n|---|---|---|\n");
            CHECKED.forEach(page -> report.append("| ").append(page.page()).append(" | ").append(page.byImpact())
                    .append(" | ").append(page.seriousOrCritical().size()).append(" |\n"));
            Files.writeString(Path.of("target/accessibility.md"), report);
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** A page as a person sees it: screenshot, then axe-core; any serious or critical violation fails the journey. */
    private static void looked(Browser browser, String name) {
        browser.screenshot(name);
        Browser.Accessibility found = browser.accessibility(name);
        CHECKED.add(found);
        assertTrue(found.seriousOrCritical().isEmpty(), name + ": " + found.seriousOrCritical());
    }

    private static void signIn(Browser browser, String language, String user, String password) {
        browser.open("/" + language + "/sign-in");
        looked(browser, language + "-sign-in");
        browser.find("[data-test=username]").sendKeys(user);
        browser.find("[data-test=password]").sendKeys(password);
        browser.find("[data-test=submit]").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("[data-test=signed-in-as]").isEmpty());
    }

    @Test
    @Order(1)
    void anObserverFindsWhoWereThePartiesOn2December2014() {
        Set<String> expected = new TreeSet<>(given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                .queryParams(Map.of("asOf", "2014-12-02", "status", "PARTY", "size", 500)).get("/members").then()
                .statusCode(200).extract().jsonPath().<String>getList("name"));
        assertTrue(expected.size() > 20, "the loaded record has more than 20 Parties that day: " + expected);
        try (Browser browser = new Browser(stack.projection.url(), "en")) {
            signIn(browser, "en", "observer", OBSERVER_PASSWORD);
            browser.open("/");
            looked(browser, "en-home");
            // the home page's indicators are GET /indicators' for the same years, one chart per indicator
            assertEquals(10, browser.all("[data-test=indicator-chart]").size());
            long parties2014 = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                    .queryParams(Map.of("from", 2014, "to", 2014)).get("/indicators").then().statusCode(200)
                    .extract().jsonPath().getLong("years[0].parties");
            String shownParties = browser.driver().executeScript("return document.querySelector("
                    + "'[data-test=indicators-year][data-year=\"2014\"] td').textContent").toString();
            assertEquals(String.valueOf(parties2014), shownParties.strip());
            browser.open("/en/register");
            browser.find("[data-test=on]").clear();
            browser.find("[data-test=on]").sendKeys(dateAsTheBrowserTypesIt());
            selectByValue(browser, "[data-test=status]", "PARTY");
            browser.find("[data-test=show]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("on=2014-12-02"));
            assertTrue(browser.url().contains("status=PARTY"), "the page's URL carries its query: " + browser.url());
            Set<String> shown = browser.all("[data-test=member] th").stream().map(WebElement::getText)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, shown);
            looked(browser, "en-register-2014-12-02-parties");

            // the same link, shared, shows the same page
            String link = browser.url();
            browser.open(link.substring(stack.projection.url().length()));
            assertEquals(expected.size(), browser.all("[data-test=member]").size());
        }
    }

    @Test
    @Order(2)
    void anObserverReadsWhatTcy14Decided() {
        List<String> decided = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                .get("/meetings/T-CY-14/outcomes").then().statusCode(200).extract().jsonPath()
                .getList("decisions.text");
        assertFalse(decided.isEmpty(), "T-CY 14 decided something");
        try (Browser browser = new Browser(stack.projection.url(), "en")) {
            signIn(browser, "en", "observer", OBSERVER_PASSWORD);
            browser.open("/en/meetings?kind=PLENARY");
            looked(browser, "en-meetings-plenaries");
            browser.find("[data-test=meeting] a[href$='/meetings/T-CY-14']").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/meetings/T-CY-14"));
            List<String> shown = browser.all("[data-test=decision] .text").stream().map(WebElement::getText).toList();
            assertEquals(decided.stream().map(String::strip).toList(), shown.stream().map(String::strip).toList());
            assertFalse(browser.all("[data-test=attendance]").isEmpty(), "attendance by capacity is shown");
            // members present by their names in the register, not their ids
            List<String> present = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                    .get("/meetings/T-CY-14/outcomes").then().extract().jsonPath().getList("attendance.PARTY");
            assertFalse(present.isEmpty(), "Parties attended T-CY 14");
            String first = present.get(0);
            String name = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER).get("/members/{id}", first)
                    .then().statusCode(200).extract().jsonPath().getString("name");
            assertEquals(name, browser.text("[data-test=attendance-PARTY] li[data-member='" + first + "']"));
            looked(browser, "en-meeting-t-cy-14");
        }
    }

    @Test
    @Order(3)
    void thePublicReadsAnAdoptedGuidanceNoteInFrench() {
        try (Browser browser = new Browser(stack.projection.url(), "fr")) {
            browser.open("/");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/fr/"));
            assertEquals("fr", browser.find("html").getAttribute("lang"));
            looked(browser, "fr-accueil");
            browser.open("/fr/guidance-notes");
            looked(browser, "fr-notes-d-orientation");
            List<WebElement> notes = browser.all("[data-test=note]");
            assertFalse(notes.isEmpty(), "the public sees the adopted notes");
            assertTrue(browser.all("[data-test=draft]").isEmpty(), "the public sees no draft");
            String id = notes.get(0).getAttribute("data-id");
            notes.get(0).findElement(org.openqa.selenium.By.tagName("a")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/fr/guidance-notes/" + id));
            Set<String> french = browser.all("[data-test=text-fr] .text").stream().map(e -> e.getText().strip())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = given().baseUri(stack.projection.url()).get("/guidance-notes/{id}", id).then()
                    .statusCode(200).extract().jsonPath().<String>getList("fr").stream().map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(expected.isEmpty());
            assertEquals(expected, french);
            assertEquals("fr", browser.find("[data-test=text-fr]").getAttribute("lang"));
            assertFalse(browser.text("[data-test=symbol]").isBlank(), "the note names its symbol");
            looked(browser, "fr-note-" + id);
            // the switch leads to the same note in English
            browser.find("[data-test=language-switch]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/guidance-notes/" + id));
            assertEquals("en", browser.find("html").getAttribute("lang"));
        }
    }

    @Test
    @Order(4)
    void anAuditorVerifiesAndReplaysAnAssessmentCycleToTheDayBeforeItsAdoption() {
        String cycle = "round-1-preservation";
        java.time.LocalDate adoptedOn = java.time.LocalDate.parse(given().baseUri(stack.projection.url()).auth()
                .oauth2(AUDITOR).get("/assessment-reports/{cycleId}", cycle).then().statusCode(200).extract()
                .jsonPath().getString("adoptedOn"));
        java.time.LocalDate dayBefore = adoptedOn.minusDays(1);
        try (Browser browser = new Browser(stack.projection.url(), "en")) {
            signIn(browser, "en", "auditor", AUDITOR_PASSWORD);
            browser.open("/en/audit/verify");
            looked(browser, "en-audit-verify");
            browser.find("[data-test=verify-run]").click();
            await().atMost(Duration.ofSeconds(30)).until(() -> !browser.all("[data-test=verify-result]").isEmpty());
            assertTrue(browser.all("[data-test=verify-break]").isEmpty(), "no break in the loaded record: "
                    + browser.all("[data-test=verify-break]").stream().map(WebElement::getText).toList());
            assertFalse(browser.all("[data-test=verify-ok]").isEmpty(), "the page says so");
            looked(browser, "en-audit-verify-result");

            // the cycle's history, all of it: its report adopted
            browser.open("/en/audit/history");
            browser.find("[data-test=aggregate]").sendKeys(cycle);
            browser.find("[data-test=replay]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("aggregate=" + cycle));
            assertFalse(browser.all("[data-test=history-event]").isEmpty(), "the cycle's events are listed");
            assertEquals("true", browser.find("[data-test=history-state]").getAttribute("data-adopted"));
            looked(browser, "en-audit-history-" + cycle);

            // moved to the day before the adoption: not adopted yet
            browser.find("[data-test=as-of]").clear();
            browser.find("[data-test=as-of]").sendKeys(dayBefore.format(
                    java.time.format.DateTimeFormatter.ofPattern("MMddyyyy")));
            browser.find("[data-test=replay]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("asOf=" + dayBefore));
            assertEquals("false", browser.find("[data-test=history-state]").getAttribute("data-adopted"));
            assertTrue(browser.text("[data-test=state-adoption]").contains("not adopted"),
                    browser.text("[data-test=state-adoption]"));
            assertTrue(browser.all("[data-test=history-event][data-type$='.AssessmentReportAdopted.v1']").stream()
                    .allMatch(row -> "false".equals(row.getAttribute("data-applied"))), "the adoption is not applied");
            looked(browser, "en-audit-history-" + cycle + "-" + dayBefore);
        }
    }

    @Test
    @Order(5)
    void thePublicFindsAPlenaryByKeyboardAlone() {
        List<Map<String, Object>> plenaries = given().baseUri(stack.projection.url())
                .queryParams(Map.of("kind", "PLENARY", "size", 500)).get("/meetings").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertFalse(plenaries.isEmpty(), "the public record has plenaries");
        String year = plenaries.stream().map(meeting -> meeting.get("startsOn")).filter(java.util.Objects::nonNull)
                .map(on -> on.toString().substring(0, 4)).findFirst().orElseThrow();
        try (Browser browser = new Browser(stack.projection.url(), "fr")) {
            browser.open("/fr/");
            // the first Tab reaches the skip link, which takes the focus to the content
            browser.press(org.openqa.selenium.Keys.TAB);
            assertEquals("skip-link", browser.focused().getAttribute("data-test"));
            assertTrue(browser.focusIsVisible(), "the skip link shows its focus");
            browser.press(org.openqa.selenium.Keys.ENTER);
            assertEquals("main", browser.focused().getAttribute("id"));

            // from the top again, through the navigation to the meetings
            browser.open("/fr/");
            tabUntil(browser, "a[href='/fr/meetings']");
            browser.press(org.openqa.selenium.Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/fr/meetings"));

            // the filter: a kind chosen with the arrow keys, a year typed, Enter submits
            tabUntil(browser, "[data-test=kind]");
            for (int i = 0; i < 10 && !"PLENARY".equals(browser.find("[data-test=kind]").getAttribute("value")); i++) {
                browser.press(org.openqa.selenium.Keys.ARROW_DOWN);
            }
            assertEquals("PLENARY", browser.find("[data-test=kind]").getAttribute("value"));
            tabUntil(browser, "[data-test=year]");
            browser.press(year, org.openqa.selenium.Keys.ENTER);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("kind=PLENARY&year=" + year));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                browser.screenshot("fr-reunions-clavier-echec");
                throw new AssertionError("Enter in the year field did not show the plenaries of " + year + ": "
                        + browser.url() + ", year field: " + browser.find("[data-test=year]").getAttribute("value"), e);
            }
            looked(browser, "fr-reunions-pleniere-" + year + "-clavier");

            tabUntil(browser, "[data-test=meeting] a");
            String meeting = browser.focused().getAttribute("href");
            browser.press(org.openqa.selenium.Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().equals(meeting));
            assertFalse(browser.all("[data-test=decisions]").isEmpty(), "the meeting's decisions are reached");
            looked(browser, "fr-reunion-clavier");
        }
    }

    @Test
    @Order(6)
    void anObserverReadsAnAssessmentReportItsFollowUpAndTheDocumentRegister() {
        String cycle = "round-1-preservation";
        List<String> listed = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                .queryParam("size", 500).get("/assessment-reports").then().statusCode(200).extract().jsonPath()
                .getList("cycleId");
        io.restassured.path.json.JsonPath report = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                .get("/assessment-reports/{cycleId}", cycle).then().statusCode(200).extract().jsonPath();
        Set<String> recommended = new TreeSet<>(report.getList("recommendations.id"));
        assertFalse(recommended.isEmpty(), "the report recommends");
        try (Browser browser = new Browser(stack.projection.url(), "en")) {
            signIn(browser, "en", "observer", OBSERVER_PASSWORD);
            browser.find("[data-test=nav-reports]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/assessment-reports"));
            assertEquals(new TreeSet<>(listed), browser.all("[data-test=report]").stream()
                    .map(row -> row.getAttribute("data-id")).collect(Collectors.toCollection(TreeSet::new)));
            looked(browser, "en-assessment-reports");
            browser.find("[data-test=report][data-id='" + cycle + "'] a").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/assessment-reports/" + cycle));
            Set<String> shown = browser.all("[data-test=recommendation][data-id]").stream()
                    .map(row -> row.getAttribute("data-id")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(recommended, shown);
            assertFalse(browser.all("[data-test=matrix]").isEmpty(), "the follow-up matrix is shown");
            WebElement party = browser.find("[data-test=matrix-party]");
            assertEquals(given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                    .get("/members/{id}", party.getAttribute("data-party")).then().statusCode(200).extract()
                    .jsonPath().getString("name"), party.getText(), "a Party by its name in the register");
            looked(browser, "en-assessment-report-" + cycle);

            // the document register: the adopted guidance notes' papers, as the API lists them
            List<String> symbols = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                    .queryParams(Map.of("kind", "GUIDANCE_NOTE", "size", 500)).get("/documents").then().statusCode(200)
                    .extract().jsonPath().getList("symbol");
            browser.find("[data-test=nav-documents]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/documents"));
            selectByValue(browser, "[data-test=kind]", "GUIDANCE_NOTE");
            browser.find("[data-test=show]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("kind=GUIDANCE_NOTE"));
            assertEquals(new TreeSet<>(symbols), browser.all("[data-test=document]").stream()
                    .map(row -> row.getAttribute("data-symbol")).collect(Collectors.toCollection(TreeSet::new)));
            looked(browser, "en-documents-guidance-notes");
            browser.find("[data-test=nav-bodies]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("/en/bureau"));
            looked(browser, "en-bureau");
        }
    }

    @Test
    @Order(7)
    void anAuditorRebuildsTheReadModelsAndSeesThemEqualThenTheParkedRecords() {
        int parked = given().baseUri(stack.projection.url()).auth().oauth2(AUDITOR).get("/audit/parked").then()
                .statusCode(200).extract().jsonPath().getList("$").size();
        try (Browser browser = new Browser(stack.projection.url(), "fr")) {
            signIn(browser, "fr", "auditor", AUDITOR_PASSWORD);
            browser.open("/fr/audit/rebuilds");
            looked(browser, "fr-audit-reconstructions");
            browser.find("[data-test=rebuild-start]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().matches(".*/fr/audit/rebuilds/[^/?]+.*"));
            // the page reloads itself while the rebuild runs; done, it shows the comparison
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !browser.all("[data-test=rebuild][data-state=DONE], [data-test=rebuild][data-state=FAILED]").isEmpty());
            String id = browser.find("[data-test=rebuild]").getAttribute("data-id");
            io.restassured.path.json.JsonPath answer = given().baseUri(stack.projection.url()).auth().oauth2(AUDITOR)
                    .get("/audit/rebuild/{id}", id).then().statusCode(200).extract().jsonPath();
            assertEquals(String.valueOf(answer.getBoolean("equal")),
                    browser.find("[data-test=rebuild]").getAttribute("data-equal"));
            assertTrue(answer.getBoolean("equal"), "the rebuilt read models equal the live ones: " + answer.prettify());
            assertFalse(browser.all("[data-test=rebuild-equal]").isEmpty(), "the page says so");
            looked(browser, "fr-audit-reconstruction-terminee");

            browser.find("[data-test=audit-nav-parked]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/fr/audit/parked"));
            assertEquals(parked, browser.all("[data-test=parked-record]").size());
            looked(browser, "fr-audit-enregistrements-en-attente");
        }
    }

    @Test
    @Order(8)
    void anObserverReadsTheChartAMemberAConsultationAWorkingBodyAndADocument() {
        Set<String> charted = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                .get("/treaties/ETS185/chart?asOf=2015-12-03").then().statusCode(200).extract().jsonPath()
                .<String>getList("rows.memberId").stream().collect(Collectors.toCollection(TreeSet::new));
        try (Browser browser = new Browser(stack.projection.url(), "en")) {
            signIn(browser, "en", "observer", OBSERVER_PASSWORD);
            browser.find("[data-test=nav] a[href='/en/treaties/ETS185/chart']").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().contains("/en/treaties/ETS185/chart"));
            browser.open("/en/treaties/ETS185/chart?on=2015-12-03");
            assertEquals(charted, browser.all("[data-test=chart-row]").stream().map(row -> row.getAttribute("data-id"))
                    .collect(Collectors.toCollection(TreeSet::new)));
            assertTrue(browser.find("[data-test=chart-csv]").getAttribute("href").endsWith("/chart.csv?on=2015-12-03"));
            looked(browser, "en-chart-ets185-2015-12-03");
            browser.find("[data-test=chart-treaty-link]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.url().contains("/ETS185/"));
            looked(browser, "en-chart-other-treaty");

            // a member's page, from the register
            browser.open("/en/members/FR");
            assertFalse(browser.all("[data-test=status]").isEmpty(), "France's statuses");
            looked(browser, "en-member-fr");

            // the consultations, and a tally
            browser.find("[data-test=nav-consultations]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/consultations"));
            looked(browser, "en-consultations");
            List<WebElement> listed = browser.all("[data-test=consultation] a");
            assertFalse(listed.isEmpty(), "the record has consultations");
            String id = listed.get(0).findElement(org.openqa.selenium.By.xpath("ancestor::tr"))
                    .getAttribute("data-id");
            listed.get(0).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().endsWith("/en/consultations/" + id));
            io.restassured.path.json.JsonPath summary = given().baseUri(stack.projection.url()).auth().oauth2(OBSERVER)
                    .get("/consultations/{id}/summary", id).then().statusCode(200).extract().jsonPath();
            long suppressed = summary.getList("tally.findAll { it.suppressed }").size();
            assertEquals(suppressed > 0, !browser.all("[data-test=tally-cell][data-suppressed=true]").isEmpty(),
                    "a suppressed cell of the API is shown as suppressed");
            looked(browser, "en-consultation-" + id);

            // the working bodies, and a document of the register
            browser.open("/en/working-bodies");
            looked(browser, "en-working-bodies");
            browser.open("/en/documents");
            browser.find("[data-test=document-link]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("[data-test=document-facts]").isEmpty());
            looked(browser, "en-document");
        }
    }

    /** Tab (at most 60 times) until the focus is on an element matching {@code css}; each focus must be visible. */
    private static void tabUntil(Browser browser, String css) {
        for (int i = 0; i < 60; i++) {
            browser.press(org.openqa.selenium.Keys.TAB);
            WebElement focused = browser.focused();
            assertTrue(browser.focusIsVisible(), "the focus is visible on " + focused.getTagName() + " "
                    + focused.getAttribute("outerHTML").lines().findFirst().orElse(""));
            if (browser.all(css).contains(focused)) {
                return;
            }
        }
        throw new AssertionError("60 presses of Tab never reached " + css + " on " + browser.url());
    }

    /** Chromium's date input takes the digits of its locale's order (en: month, day, year). */
    private static String dateAsTheBrowserTypesIt() {
        return "12022014";
    }

    private static void selectByValue(Browser browser, String css, String value) {
        new org.openqa.selenium.support.ui.Select(browser.find(css)).selectByValue(value);
    }
}
