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
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpStatus;
import org.tcyledger.contracts.assessments.AssessmentEvent.Priority;
import org.tcyledger.contracts.assessments.AssessmentEvent.Recommendation;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Stance;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;
import org.tcyledger.contracts.meetings.DocumentEvent;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * The assessment reports' and consultations' pages over the real topics: both languages with their switch, the
 * public record against the committee's reads, the follow-up matrix now and on a past date, the Chatham House cells
 * shown as suppressed, a 400 and a 404, and each page agreeing with the JSON API for the same caller.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class ReportPagesTest {

    private static final EventCatalog ASSESSMENTS = new EventCatalog(AssessmentEvent.class);
    private static final EventCatalog DOCUMENTS = new EventCatalog(DocumentEvent.class);
    private static final EventCatalog CONSULTATIONS = new EventCatalog(ConsultationEvent.class);
    private static final String OBSERVER = Tokens.forTests().token("observer");
    private static final Pattern REPORT_ROW = Pattern.compile("data-test=\"report\" data-id=\"([^\"]+)\"");
    private static final Pattern MATRIX_ROW = Pattern.compile("data-test=\"matrix-row\" data-id=\"([^\"]+)\"");
    private static final Pattern MATRIX_CELL = Pattern.compile(
            "data-test=\"matrix-cell\" data-party=\"([^\"]+)\" data-status=\"([^\"]*)\" data-later=\"(true|false)\"");
    private static final Pattern TALLY_CELL = Pattern.compile(
            "data-cell=\"([^\"]+)\" data-suppressed=\"(true|false)\"(?: data-count=\"(\\d+)\")?>(?:<span>)?([^<]*)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String signIn(String username, String password) {
        return PortalSession.signIn(username, password, "/en/");
    }

    /** The page's ids of reports listed. */
    private static Set<String> listed(String page) {
        Set<String> ids = new TreeSet<>();
        Matcher row = REPORT_ROW.matcher(page);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    /** The follow-up matrix as the page shows it: "recommendation/party" → status, or "later", or "" for none. */
    private static Map<String, String> matrix(String page) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        int at = page.indexOf("data-test=\"matrix\"");
        assertTrue(at >= 0, "the page has the follow-up matrix");
        Matcher row = MATRIX_ROW.matcher(page);
        List<int[]> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (row.find()) {
            rows.add(new int[] {row.start()});
            ids.add(row.group(1));
        }
        for (int i = 0; i < ids.size(); i++) {
            int end = i + 1 < ids.size() ? rows.get(i + 1)[0] : page.length();
            Matcher cell = MATRIX_CELL.matcher(page.substring(rows.get(i)[0], end));
            while (cell.find()) {
                cells.put(ids.get(i) + "/" + cell.group(1), cell.group(3).equals("true") ? "later" : cell.group(2));
            }
        }
        return cells;
    }

    /** The tally as the page shows it: "option/stance/kind" → the count, or "suppressed". */
    private static Map<String, String> tally(String page) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        Matcher cell = TALLY_CELL.matcher(page);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2).equals("true") ? "suppressed" : cell.group(3));
        }
        return cells;
    }

    @Test
    void assessmentReportsShowThePublicRecordAndTheFollowUpMatrix() {
        String run = Long.toHexString(System.nanoTime());
        String published = "round-pages-" + run;
        String restricted = "round-pages-restricted-" + run;
        String draftOnly = "round-pages-draft-" + run;
        String symbol = "T-CY(2013)P" + run;
        PublishedStream document = new PublishedStream(DOCUMENTS, "/tcy/meetings", symbol);
        PublishedStream cycle = new PublishedStream(ASSESSMENTS, "/tcy/assessments", published);
        PublishedStream other = new PublishedStream(ASSESSMENTS, "/tcy/assessments", restricted);
        PublishedStream draft = new PublishedStream(ASSESSMENTS, "/tcy/assessments", draftOnly);
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                document.next(new DocumentEvent.DocumentRegistered(symbol, "Assessment report on preservation",
                        DocumentEvent.DocumentKind.ASSESSMENT_REPORT, LocalDate.parse("2013-06-05"),
                        List.of("en", "fr"), DocumentEvent.DocumentAccess.PUBLIC, null)));
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                cycle.next(new AssessmentEvent.AssessmentCycleLaunched(published, "Preservation of stored data",
                        List.of("16", "17"), LocalDate.parse("2012-01-10"), LocalDate.parse("2012-04-30"),
                        List.of("EE", "RO"))),
                cycle.next(new AssessmentEvent.DraftReportSubmitted(published, 1,
                        List.of(new Finding("EE", "16", "Estonia implements Article 16 in full"),
                                new Finding("RO", "17", "Romania has no partial disclosure")),
                        List.of(new Recommendation("r1", "Parties", "Make full use of Article 16", Priority.HIGH),
                                new Recommendation("r2", "RO", "Provide for partial disclosure", Priority.MEDIUM)),
                        symbol)),
                cycle.next(new AssessmentEvent.AssessmentReportAdopted(published, 1, "T-CY-9", "d-9-pages",
                        LocalDate.parse("2013-06-05"), symbol)),
                cycle.next(new AssessmentEvent.FollowUpRecorded(published, "r1", "EE", FollowUpStatus.IMPLEMENTED,
                        LocalDate.parse("2014-03-01"), "Guidance issued to prosecutors")),
                cycle.next(new AssessmentEvent.FollowUpRecorded(published, "r1", "RO", FollowUpStatus.PARTIALLY,
                        LocalDate.parse("2015-05-01"), null)),
                cycle.next(new AssessmentEvent.FollowUpRecorded(published, "r2", "RO", FollowUpStatus.NOT_IMPLEMENTED,
                        LocalDate.parse("2014-03-01"), null)),
                cycle.next(new AssessmentEvent.FollowUpRecorded(published, "r2", "RO", FollowUpStatus.IMPLEMENTED,
                        LocalDate.parse("2016-01-10"), "Law of 2015")),
                // adopted, but its document is not in the register as PUBLIC: the committee's only
                other.next(new AssessmentEvent.AssessmentCycleLaunched(restricted, "A restricted round", List.of("29"),
                        LocalDate.parse("2013-01-10"), LocalDate.parse("2013-04-30"), List.of("EE"))),
                other.next(new AssessmentEvent.DraftReportSubmitted(restricted, 1, List.of(), List.of(),
                        "T-CY(2013)R" + run)),
                other.next(new AssessmentEvent.AssessmentReportAdopted(restricted, 1, "T-CY-9", "d-9-restricted",
                        LocalDate.parse("2013-06-06"), "T-CY(2013)R" + run)),
                // a draft never adopted: nobody's
                draft.next(new AssessmentEvent.AssessmentCycleLaunched(draftOnly, "A draft round", List.of("29"),
                        LocalDate.parse("2013-01-10"), LocalDate.parse("2013-04-30"), List.of("EE"))),
                draft.next(new AssessmentEvent.DraftReportSubmitted(draftOnly, 1, List.of(), List.of(),
                        "T-CY(2013)D" + run)));
        String observer = signIn("portal-observer", "test-observer-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/en/assessment-reports/" + published).then().statusCode(200);
            given().cookie("tcy-session", observer).get("/en/assessment-reports/" + restricted).then().statusCode(200);
            assertEquals("IMPLEMENTED", matrix(given().get("/en/assessment-reports/" + published).asString())
                    .get("r2/RO"));
        });

        // the list: the public record for anyone, every adopted report for the committee, never a draft; as the API
        String anonymousList = given().get("/en/assessment-reports").then().statusCode(200)
                .header("Content-Language", "en").extract().asString();
        assertTrue(listed(anonymousList).contains(published));
        assertFalse(listed(anonymousList).contains(restricted), "a report whose document is not public");
        assertEquals(new TreeSet<>(given().queryParam("size", 500).get("/assessment-reports").jsonPath()
                .getList("cycleId", String.class)), listed(anonymousList), "the public list is the API's");
        String observerList = given().cookie("tcy-session", observer).get("/en/assessment-reports").then()
                .statusCode(200).extract().asString();
        assertTrue(listed(observerList).containsAll(List.of(published, restricted)));
        assertFalse(listed(observerList).contains(draftOnly), "a draft is never listed");
        assertEquals(new TreeSet<>(given().auth().oauth2(OBSERVER).queryParam("size", 500).get("/assessment-reports")
                .jsonPath().getList("cycleId", String.class)), listed(observerList), "the observer's list is the API's");
        assertEquals(Set.of(published), listed(given().get("/en/assessment-reports?party=RO&from=2013-06-01&to=2013-06-05")
                .then().statusCode(200).extract().asString()).stream().filter(id -> id.endsWith(run))
                .collect(java.util.stream.Collectors.toSet()));

        // one report: adoption, findings and recommendations by Party, the matrix as last assessed
        String report = given().get("/en/assessment-reports/" + published).then().statusCode(200)
                .body(containsString("<html lang=\"en\">"),
                        containsString("href=\"/fr/assessment-reports/" + published + "\""),
                        containsString("Adopted on 5 June 2013 (meeting T-CY-9, decision d-9-pages)"),
                        containsString(symbol), containsString("data-party=\"RO\""),
                        containsString("Provide for partial disclosure"), containsString("Romania has no partial disclosure"),
                        containsString("Implemented"), containsString("assessed on 10 January 2016"),
                        containsString("Guidance issued to prosecutors"))
                .extract().asString();
        Map<String, String> latest = matrix(report);
        assertEquals(Map.of("r1/EE", "IMPLEMENTED", "r1/RO", "PARTIALLY", "r2/EE", "", "r2/RO", "IMPLEMENTED"), latest);
        // the page agrees with the API for the same caller, cell by cell
        JsonPath api = given().get("/assessment-reports/" + published).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> followUps = api.getList("followUps");
        assertEquals(3, followUps.size());
        for (Map<String, Object> followUp : followUps) {
            assertEquals(followUp.get("status"), latest.get(followUp.get("recommendationId") + "/" + followUp.get("partyId")));
        }

        // every assessment of r2 by Romania, oldest first, under its latest status
        String latestPage = given().get("/en/assessment-reports/" + published).then().statusCode(200).extract().asString();
        assertTrue(latestPage.contains("data-test=\"follow-up-step\" data-status=\"NOT_IMPLEMENTED\" data-on=\"2014-03-01\"")
                   && latestPage.contains("data-test=\"follow-up-step\" data-status=\"IMPLEMENTED\" data-on=\"2016-01-10\""),
                "the history of r2/RO");
        assertTrue(latestPage.indexOf("data-on=\"2014-03-01\"") < latestPage.indexOf("data-on=\"2016-01-10\""), "oldest first");

        // on a past date: each status as last assessed by then; before the first assessment, said so
        Map<String, String> on2015 = matrix(given().get("/en/assessment-reports/" + published + "?on=2015-01-01")
                .then().statusCode(200).body(containsString("As it stood on 1 January 2015."),
                        containsString("Not yet assessed on that date: first assessed on 1 May 2015."),
                        containsString("value=\"2015-01-01\"")).extract().asString());
        assertEquals(Map.of("r1/EE", "IMPLEMENTED", "r1/RO", "later", "r2/EE", "", "r2/RO", "NOT_IMPLEMENTED"), on2015);

        // French, and its switch back with the same query
        given().get("/fr/assessment-reports/" + published + "?on=2015-01-01").then().statusCode(200)
                .header("Content-Language", "fr")
                .body(containsString("<html lang=\"fr\">"),
                        containsString("href=\"/en/assessment-reports/" + published + "?on=2015-01-01\""),
                        containsString("Adopté le 5 juin 2013 (réunion T-CY-9"), containsString("Situation au 1er janvier 2015."),
                        containsString("Mise en œuvre"), containsString("Constats et recommandations par Partie"));
        given().get("/fr/assessment-reports").then().statusCode(200).body(containsString("Parties évaluées"),
                containsString("href=\"/en/assessment-reports\""));

        // the public record: a restricted report is not found by anyone outside the committee; a draft by nobody
        given().get("/en/assessment-reports/" + restricted).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("data-test=\"not-found\""));
        given().get("/assessment-reports/" + restricted).then().statusCode(404);
        String secretariat = signIn("portal-secretariat", "test-secretariat-password");
        given().cookie("tcy-session", secretariat).get("/en/assessment-reports/" + draftOnly).then().statusCode(404)
                .body(containsString(draftOnly));
        given().cookie("tcy-session", secretariat).get("/fr/assessment-reports/unknown-round").then().statusCode(404)
                .body(containsString("« unknown-round »"));

        // bad dates: 400 pages listing the problems
        given().get("/en/assessment-reports/" + published + "?on=2015-13-45").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("data-test=\"problems\""),
                        containsString("2015-13-45"), not(containsString("data-test=\"matrix\"")));
        given().get("/fr/assessment-reports?from=yesterday&to=2013-02-30").then().statusCode(400)
                .body(containsString("yesterday"), containsString("2013-02-30"), not(containsString("data-test=\"report\"")));
    }

    @Test
    void consultationsShowTheTallyWithSuppressedCellsToTheCommittee() {
        String run = Long.toHexString(System.nanoTime());
        String hearing = "ceg-pages-" + run;
        String open = "ceg-pages-open-" + run;
        PublishedStream ceg = new PublishedStream(CONSULTATIONS, "/tcy/cloud-evidence", hearing);
        PublishedStream openCeg = new PublishedStream(CONSULTATIONS, "/tcy/cloud-evidence", open);
        StakeholderKind provider = StakeholderKind.SERVICE_PROVIDER;
        StakeholderKind ngo = StakeholderKind.CIVIL_SOCIETY;
        PublishedStream.publish(bootstrapServers, Topics.CLOUD_EVIDENCE,
                ceg.next(new ConsultationEvent.ConsultationOpened(hearing, "Hearing on cloud evidence", "Which way?",
                        List.of(new ConsultationEvent.Option("A", "Guidance Note"),
                                new ConsultationEvent.Option("B", "Additional Protocol")),
                        LocalDate.parse("2015-05-26"), LocalDate.parse("2015-11-30"), true)),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed(hearing, "s1", provider, "c2VhbGVkIEE=")),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed(hearing, "s2", provider, "c2VhbGVkIEI=")),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed(hearing, "s3", provider, "c2VhbGVkIEM=")),
                ceg.next(ConsultationEvent.StakeholderRegistered.sealed(hearing, "s4", ngo, "c2VhbGVkIEQ=")),
                ceg.next(submission(hearing, "sub1", provider, Map.of("A", Stance.SUPPORT, "B", Stance.OPPOSE))),
                ceg.next(submission(hearing, "sub2", provider, Map.of("A", Stance.SUPPORT, "B", Stance.OPPOSE))),
                ceg.next(submission(hearing, "sub3", provider, Map.of("A", Stance.OPPOSE))),
                ceg.next(submission(hearing, "sub4", ngo, Map.of("A", Stance.SUPPORT))),
                openCeg.next(new ConsultationEvent.ConsultationOpened(open, "An open consultation", "Which?",
                        List.of(new ConsultationEvent.Option("A", "Guidance Note")),
                        LocalDate.parse("2016-01-01"), LocalDate.parse("2016-03-01"), false)),
                openCeg.next(ConsultationEvent.StakeholderRegistered.sealed(open, "s1", ngo, "c2VhbGVkIEU=")),
                openCeg.next(submission(open, "sub1", ngo, Map.of("A", Stance.NEUTRAL))));
        String observer = signIn("portal-observer", "test-observer-password");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals("1", tally(given().cookie("tcy-session", observer).get("/en/consultations/" + open)
                    .then().statusCode(200).extract().asString()).get("A/NEUTRAL/CIVIL_SOCIETY"));
            assertEquals("suppressed", tally(given().cookie("tcy-session", observer).get("/en/consultations/" + hearing)
                    .then().statusCode(200).extract().asString()).get("A/SUPPORT/CIVIL_SOCIETY"));
        });

        // only the committee reads them: anyone else is asked to sign in, another role refused
        given().get("/en/consultations").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("data-test=\"sign-in-required\""), not(containsString(hearing)));
        given().get("/fr/consultations/" + hearing).then().statusCode(401)
                .body(containsString("Connectez-vous"), not(containsString("Hearing on cloud evidence")));
        String network = signIn("portal-network", "test-network-password");
        given().cookie("tcy-session", network).get("/en/consultations/" + hearing).then().statusCode(403)
                .body(containsString("data-test=\"role-cannot-read\""), not(containsString("data-test=\"tally\"")));

        // the list, in both languages with the switch
        given().cookie("tcy-session", observer).get("/en/consultations").then().statusCode(200)
                .body(containsString("data-id=\"" + hearing + "\""), containsString("data-id=\"" + open + "\""),
                        containsString("href=\"/fr/consultations\""), containsString("<html lang=\"en\">"));
        given().cookie("tcy-session", observer).get("/fr/consultations").then().statusCode(200)
                .body(containsString("Consultations du Groupe sur les preuves dans le nuage"),
                        containsString("href=\"/en/consultations\""), containsString("<html lang=\"fr\">"));

        // the tally: suppressed cells and every total including one say so, never 0 or blank
        String page = given().cookie("tcy-session", observer).get("/en/consultations/" + hearing).then().statusCode(200)
                .body(containsString("Guidance Note"), containsString("Additional Protocol"),
                        containsString("The Chatham House rule applies"), containsString("Service providers"),
                        containsString("<span class=\"visually-hidden\"> (withheld under the Chatham House rule"),
                        containsString("href=\"/fr/consultations/" + hearing + "\""))
                .extract().asString();
        Map<String, String> shown = tally(page);
        assertEquals("2", shown.get("A/SUPPORT/SERVICE_PROVIDER"));
        assertEquals("suppressed", shown.get("A/OPPOSE/SERVICE_PROVIDER"), "a count of one");
        assertEquals("suppressed", shown.get("A/SUPPORT/CIVIL_SOCIETY"), "a kind of one registered stakeholder");
        assertEquals("2", shown.get("B/OPPOSE/SERVICE_PROVIDER"));
        assertEquals("0", shown.get("B/SUPPORT/SERVICE_PROVIDER"), "no submission took that stance");
        assertEquals("suppressed", shown.get("A/SUPPORT/ALL"), "a total that includes a suppressed cell");
        assertEquals("suppressed", shown.get("A/ALL/SERVICE_PROVIDER"));
        assertEquals("2", shown.get("B/ALL/SERVICE_PROVIDER"));
        // the one civil-society stakeholder's column is withheld whole (every option and stance), so a total over
        // kinds must be too: B's total less the providers' would tell what it said on B
        assertEquals("suppressed", shown.get("B/OPPOSE/CIVIL_SOCIETY"), "its whole column, taken or not");
        assertEquals("suppressed", shown.get("B/ALL/ALL"));
        Matcher suppressedCell = TALLY_CELL.matcher(page);
        while (suppressedCell.find()) {
            if (suppressedCell.group(2).equals("true")) {
                assertEquals("suppressed", suppressedCell.group(4), "a suppressed cell says so visibly");
            }
        }
        // the page agrees with the API for the same caller, cell by cell
        JsonPath api = given().auth().oauth2(OBSERVER).get("/consultations/" + hearing + "/summary").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> cells = api.getList("tally");
        assertEquals(3 + 2 * 3, cells.size(), "the providers' three cells, the civil society's whole grid");
        for (Map<String, Object> cell : cells) {
            String key = cell.get("optionId") + "/" + cell.get("stance") + "/" + cell.get("kind");
            assertEquals(Boolean.TRUE.equals(cell.get("suppressed")) ? "suppressed" : String.valueOf(cell.get("count")),
                    shown.get(key), key);
        }

        // without the rule every count is shown; French says "masqué" for a suppressed cell
        Map<String, String> plain = tally(given().cookie("tcy-session", observer).get("/en/consultations/" + open)
                .then().statusCode(200).body(containsString("does not apply")).extract().asString());
        assertEquals("1", plain.get("A/ALL/ALL"));
        assertFalse(plain.containsValue("suppressed"));
        given().cookie("tcy-session", observer).get("/fr/consultations/" + hearing).then().statusCode(200)
                .body(containsString(">masqué<"), containsString("Fournisseurs de services"),
                        containsString("La règle de Chatham House s"), containsString("<th scope=\"row\">Pour</th>"));

        given().cookie("tcy-session", observer).get("/en/consultations/ceg-unknown").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No consultation “ceg-unknown”."));
    }

    private static ConsultationEvent.SubmissionReceived submission(String consultation, String id, StakeholderKind kind,
                                                                   Map<String, Stance> stances) {
        return new ConsultationEvent.SubmissionReceived(consultation, id, LocalDate.parse("2015-11-30"), kind,
                stances.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new ConsultationEvent.Position(e.getKey(), e.getValue())).toList(),
                "…", "c2VhbGVk", true);
    }
}
