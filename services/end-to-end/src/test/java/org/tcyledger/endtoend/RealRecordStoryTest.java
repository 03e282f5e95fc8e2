package org.tcyledger.endtoend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcyledger.testing.DatabaseText;
import org.tcyledger.testing.Infrastructure;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Tokens;
import org.tcyledger.testing.Workspace;

/**
 * The real record (deploy/local/demo-data/tcy-history.json) loaded by the demo, exactly as {@code deploy/local/demo}
 * runs it, through the four write services; then each observer's and auditor's question answered by the projection.
 * Expected answers are read from the record itself, not from what the demo sent. Runs in a JVM of its own (see the
 * module's surefire settings), so that its topics hold nothing but the record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealRecordStoryTest {

    private static final Tokens TOKENS = Tokens.forTests();
    private static final String SECRETARIAT = TOKENS.token("secretariat");
    private static final String OBSERVER = TOKENS.token("observer");
    private static final String AUDITOR = TOKENS.token("auditor");
    private static final Pattern SYMBOL = Pattern.compile("T-CY\\(\\d{4}\\)\\d+");

    private static RecordedStack stack;
    private static Infrastructure infrastructure;
    private static ServiceProcess membership;
    private static ServiceProcess projection;
    private static JsonNode record;
    private static JsonNode treatyRecord;
    private static JsonNode committeeRecord;
    private static Path demoLog;

    @BeforeAll
    static void loadTheRecord() throws Exception {
        stack = RecordedStack.start(TOKENS, Map.of());
        infrastructure = stack.infrastructure;
        membership = stack.membership;
        projection = stack.projection;
        Path root = Workspace.root();
        record = new ObjectMapper().readTree(root.resolve("deploy/local/demo-data/tcy-history.json").toFile());
        treatyRecord = new ObjectMapper().readTree(root.resolve("deploy/local/demo-data/treaty-record.json").toFile());
        committeeRecord = new ObjectMapper().readTree(root.resolve("deploy/local/demo-data/committee-record.json").toFile());
        enteredByHandBeforeTheDemo();
        demoLog = root.resolve("services/end-to-end/target/real-record-demo.log");
        stack.loadTheRecord(SECRETARIAT, demoLog);
    }

    /**
     * The secretariat entered two facts by hand before the demo ran: Albania's signature as the record has it, and
     * Kenya's invitation a day off the record's. The demo must find the first "already recorded" and report the
     * second as a conflict, storing neither again.
     */
    private static void enteredByHandBeforeTheDemo() {
        secretariat().body("{\"id\":\"AL\",\"name\":\"Albania\",\"kind\":\"STATE\",\"councilOfEuropeMember\":true}")
                .post("/members").then().statusCode(201);
        secretariat().body("{\"treaty\":\"ETS185\",\"signedOn\":\"2001-11-23\"}").post("/members/AL/signatures")
                .then().statusCode(201);
        secretariat().body("{\"id\":\"KE\",\"name\":\"Kenya\",\"kind\":\"STATE\",\"councilOfEuropeMember\":false}")
                .post("/members").then().statusCode(201);
        secretariat().body("{\"invitedOn\":\"2024-10-10\",\"reference\":\"entered by hand, a day off\"}")
                .post("/members/KE/invitations").then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification secretariat() {
        return given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON);
    }

    @AfterAll
    static void stopServices() {
        stack.close();
    }

    private static Response observe(String path, Map<String, ?> query) {
        return given().baseUri(projection.url()).auth().oauth2(OBSERVER).queryParams(query).get(path);
    }

    /** Projections catch up asynchronously after the demo's last answer: each question is asked until answered. */
    private static void eventually(Runnable question) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(question::run);
    }

    /** What {@code read} answers once two answers a second apart are the same. */
    private static <T> T settled(Supplier<T> read) {
        AtomicReference<T> last = new AtomicReference<>(read.get());
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    T now = read.get();
                    return now.equals(last.getAndSet(now)) ? now : null;
                }, Objects::nonNull);
    }

    @Test
    @Order(1)
    void whichGuidanceNotesWereAdoptedAtTcy9() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode plenary : record.get("plenaries")) {
            if (plenary.get("id").asText().equals("T-CY-9")) {
                Matcher symbols = SYMBOL.matcher(plenary.get("outcomes").toString());
                while (symbols.find()) {
                    expected.add(symbols.group());
                }
            }
        }
        assertEquals(5, expected.size(), "the record names five notes adopted at T-CY 9");
        eventually(() -> {
            List<String> titles = observe("/guidance-notes", Map.of("meetingId", "T-CY-9")).then().statusCode(200)
                    .extract().jsonPath().getList("title");
            Set<String> adopted = new TreeSet<>();
            titles.forEach(title -> {
                Matcher symbol = SYMBOL.matcher(title);
                assertTrue(symbol.find(), title);
                adopted.add(symbol.group());
            });
            assertEquals(expected, adopted);
            assertEquals(5, titles.size());
        });
        // the record gives the plenary's days (4 and 5 June 2013), not the day of each adoption
        observe("/guidance-notes", Map.of("meetingId", "T-CY-9")).then()
                .body("adoption.adoptedOn", everyItem(anyOf(equalTo("2013-06-04"), equalTo("2013-06-05"))));
    }

    @Test
    @Order(2)
    void whoWasAPartyOn20141202() {
        LocalDate day = LocalDate.parse("2014-12-02");
        Set<String> expected = new TreeSet<>();
        for (JsonNode state : treatyRecord.get("states")) {
            JsonNode convention = state.path("ETS185");
            JsonNode consent = convention.has("later") ? convention.get("later") : convention;
            // the demo loads a ratification only with its signature's date (seen, not inferred), an accession with its
            // deposit's
            boolean loadable = consent.has("depositedOn")
                               && (convention.has("signedOn") && !"I".equals(convention.path("signedOnSure").asText())
                                   || "ACCESSION".equals(consent.path("instrument").asText()));
            if (loadable && consent.has("entryIntoForceOn")
                && !LocalDate.parse(consent.get("entryIntoForceOn").asText()).isAfter(day)) {
                expected.add(state.get("name").asText());
            }
        }
        eventually(() -> assertEquals(expected, new TreeSet<>(observe("/members",
                Map.of("asOf", "2014-12-02", "status", "PARTY", "size", 500)).then().statusCode(200)
                .extract().jsonPath().<String>getList("name"))));
    }

    @Test
    @Order(3)
    void whatTheRecordedPlenariesDecided() {
        Set<String> plenaries = new TreeSet<>();
        record.get("plenaries").forEach(plenary -> plenaries.add(plenary.get("id").asText()));
        committeeRecord.get("plenaries").forEach(plenary -> {
            if (plenary.hasNonNull("startsOn") && plenary.hasNonNull("endsOn")
                && plenary.get("startsOn").asText().compareTo("2017-12-31") <= 0) {
                plenaries.add(plenary.get("id").asText());
            }
        });
        eventually(() -> assertEquals(plenaries, new TreeSet<>(observe("/meetings",
                Map.of("kind", "PLENARY", "from", "2006-01-01", "to", "2017-12-31")).then().statusCode(200)
                .extract().jsonPath().<String>getList("id"))));
        eventually(() -> observe("/meetings/T-CY-9/outcomes", Map.of()).then().statusCode(200)
                .body("meeting.startsOn", equalTo("2013-06-04"))
                .body("decisions.findAll { it.kind == 'ADOPT_GUIDANCE_NOTE' }.size()", equalTo(5))
                .body("attendance.PARTY.size()", not(equalTo(0))));
    }

    @Test
    @Order(4)
    void whichAssessmentReportsWereAdoptedAndWhere() {
        Map<String, String> expected = new java.util.TreeMap<>();
        record.get("assessmentRounds").forEach(round -> expected.put(round.get("id").asText(), round.get("adoptedAt").asText()));
        eventually(() -> {
            List<Map<String, Object>> reports = observe("/assessment-reports", Map.of()).then().statusCode(200)
                    .extract().jsonPath().getList("$");
            Map<String, String> adopted = new java.util.TreeMap<>();
            reports.forEach(report -> adopted.put((String) report.get("cycleId"), (String) report.get("meetingId")));
            assertEquals(expected, adopted);
        });
    }

    @Test
    @Order(5)
    void theCloudEvidenceHearingIsTalliedWithoutAttribution() {
        // the record has the hearing but not who spoke: the demo registers four invented stakeholders, two of them
        // service providers; under Chatham House a kind with one stakeholder must not show as a count
        boolean chathamHouse = record.get("cloudEvidenceGroup").get("hearing").get("chathamHouse").asBoolean();
        eventually(() -> observe("/consultations/ceg-2015-hearing/summary", Map.of()).then().statusCode(200)
                .body("chathamHouse", equalTo(chathamHouse))
                .body("tally.find { it.kind == 'SERVICE_PROVIDER' && it.optionId == '2' }.count", equalTo(2)));
        String summary = observe("/consultations/ceg-2015-hearing/summary", Map.of()).asString();
        assertFalse(summary.contains("(invented)") || summary.contains("stakeholderId"), "attribution: " + summary);
        if (chathamHouse) {
            observe("/consultations/ceg-2015-hearing/summary", Map.of()).then()
                    .body("tally.findAll { it.kind == 'CIVIL_SOCIETY' }.suppressed", everyItem(equalTo(true)))
                    .body("tally.findAll { it.kind == 'CIVIL_SOCIETY' }.count", everyItem(equalTo(null)));
        }
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theAuditorVerifiesEveryChainAndARebuildEqualsTheLiveReadModels() {
        eventually(() -> given().baseUri(projection.url()).auth().oauth2(AUDITOR).get("/audit/verify").then()
                .statusCode(200).body("verified", equalTo(true)).body("breaks.size()", equalTo(0)));
        int verified = given().baseUri(projection.url()).auth().oauth2(AUDITOR).get("/audit/verify").then()
                .extract().path("events");
        // a late event of the record could still change a read model after the audit counted it: compare the rebuild
        // with what the live read models show once they stay the same for a second
        String partiesBefore = settled(() -> observe("/members", Map.of("asOf", "2014-12-02", "status", "PARTY")).then()
                .statusCode(200).extract().asString());
        String notesBefore = settled(() -> observe("/guidance-notes", Map.of()).then().statusCode(200).extract().asString());

        Map<String, Object> report = rebuild();
        assertEquals("DONE", report.get("state"), report.toString());
        assertEquals(true, report.get("equal"), report.toString());
        assertEquals(true, report.get("switched"), report.toString());
        Map<String, Object> audit = ((List<Map<String, Object>>) report.get("readModels")).stream()
                .filter(model -> "projection-audit".equals(model.get("group"))).findFirst().orElseThrow();
        // the audit log may still take in a late event of the record while this runs (one came between the two once):
        // the rebuilt log holds every event verified before it, and none an audit after it does not know
        int applied = ((Number) audit.get("applied")).intValue();
        int verifiedAfter = given().baseUri(projection.url()).auth().oauth2(AUDITOR).get("/audit/verify").then()
                .statusCode(200).body("verified", equalTo(true)).extract().path("events");
        assertTrue(verified <= applied && applied <= verifiedAfter, "the rebuilt log holds every verified event: "
                + verified + " verified before the rebuild, " + applied + " rebuilt, " + verifiedAfter + " after");
        assertTrue(verified > 250, "the record is some 270 events: " + verified);
        assertEquals(partiesBefore, observe("/members", Map.of("asOf", "2014-12-02", "status", "PARTY")).asString());
        assertEquals(notesBefore, observe("/guidance-notes", Map.of()).asString());
    }

    @Test
    @Order(7)
    void anErasedPersonIsUnreadableEvenAfterARebuild() throws Exception {
        String member = record.get("members").get(0).get("id").asText();
        String phone = "+355 4 555 " + (1000 + (int) (Math.random() * 8999));
        String email = "unit-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.al";
        String personId = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"unit\":\"24/7 point of contact\",\"phone\":\"" + phone + "\",\"email\":\"" + email + "\"}")
                .put("/members/" + member + "/contact-point").then().statusCode(200).extract().path("personId");
        eventually(() -> observe("/members/" + member, Map.of()).then().body("contactPoint.phone", equalTo(phone)));
        String erasure = given().baseUri(membership.url()).auth().oauth2(SECRETARIAT).contentType(ContentType.JSON)
                .body("{\"requestedBy\":\"MEMBER_DELEGATION\",\"reason\":\"ROLE_ENDED\"}")
                .post("/people/" + personId + "/erasure").then().statusCode(201).extract().path("eventId");
        observe("/members/" + member, Map.of("after", erasure)).then().statusCode(200)
                .body("contactPoint.phone", equalTo("[erased]"));

        Map<String, Object> report = rebuild();
        assertEquals(true, report.get("switched"), report.toString());
        observe("/members/" + member, Map.of()).then().body("contactPoint.phone", equalTo("[erased]"))
                .body("contactPoint.email", equalTo("[erased]"));
        String everything = DatabaseText.of(infrastructure, "tcy_projection");
        assertFalse(everything.contains(phone) || everything.contains(email),
                "the projection holds the erased person's data after the rebuild");
    }

    private static Map<String, Object> rebuild() {
        String location = given().baseUri(projection.url()).auth().oauth2(AUDITOR).post("/audit/rebuild").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(given().auth().oauth2(AUDITOR).get(location).then().statusCode(200).extract().path("state")));
        return given().auth().oauth2(AUDITOR).get(location).then().extract().jsonPath().getMap("$");
    }

    @Test
    @Order(7)
    void anAuditorWithNothingButTheTopicsAndThePublicKeysVerifiesEverySource() throws Exception {
        org.tcyledger.contracts.wire.CheckpointKeys keys = org.tcyledger.contracts.wire.CheckpointKeys.parse(
                given().baseUri(membership.url()).get("/checkpoints/keys").then().statusCode(200).extract().asByteArray())
                .and(org.tcyledger.contracts.wire.CheckpointKeys.parse(
                        Files.readAllBytes(org.tcyledger.testing.CheckpointKeyFiles.forTests().jwks())));
        org.tcyledger.audit.VerifyTopics.Result result = org.tcyledger.audit.VerifyTopics.verify(
                infrastructure.kafkaBootstrapServers(), org.tcyledger.contracts.Topics.ALL, keys,
                java.time.Duration.ofMinutes(5));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        org.tcyledger.audit.VerifyTopics.print(result, new java.io.PrintStream(printed, true));
        assertTrue(result.verified(), printed.toString());
        assertEquals(4, result.sources().size(), printed.toString());
        result.sources().forEach(source -> assertTrue(source.checkpoints() > 0 && source.covered() > 0,
                source.source() + " has no signed checkpoint covering its events: " + printed));
    }

    /** The register derives the Convention's entry into force from the five first consents, as the record has it. */
    @Test
    @Order(8)
    void theRegisterDerivesTheConventionsEntryIntoForceFromItsFirstFiveConsents() {
        given().baseUri(membership.url()).auth().oauth2(AUDITOR).get("/treaties/ETS185").then().statusCode(200)
                .body("inForceOn", equalTo("2004-07-01")).body("derivedInForceOn", equalTo("2004-07-01"))
                .body("consistent", equalTo(true))
                .body("consents.find { it.decisive }.memberId", equalTo("LT"));
    }

    /** Facts entered by hand before the demo: the same is "already recorded", a different one a conflict. */
    @Test
    @Order(8)
    void aRegisterEnteredByHandBeforeTheDemoIsKeptAndItsConflictsReported() throws Exception {
        String log = Files.readString(demoLog);
        assertTrue(log.contains("CONFLICT with the register, not sent: KE invitation: the register holds 2024-10-10, "
                                + "the record 2024-10-09"), log);
        assertFalse(log.contains("AL ETS185 signature"), "Albania's signature was the same fact: " + log);
        for (String id : List.of("AL", "KE")) {
            List<Map<String, Object>> events = given().baseUri(membership.url()).auth().oauth2(AUDITOR)
                    .get("/members/" + id + "/events").then().statusCode(200).extract().jsonPath().getList("$");
            List<String> facts = events.stream().map(event -> event.get("type") + " " + event.get("data")).toList();
            assertEquals(facts.size(), new java.util.HashSet<>(facts).size(), id + " has a fact stored twice: " + facts);
            assertEquals(1, facts.stream().filter(fact -> fact.startsWith("tcy.membership.InvitedToAccede")
                                                          || fact.startsWith("tcy.membership.TreatySigned.v1 {memberId=AL, treaty=ETS185"))
                    .count(), id + ": " + facts);
        }
    }

    /**
     * The Treaty Office's chart of ETS185 on 3 December 2015 (a fixture copied from the Office's chart, see
     * sourced-facts.md) against the chart the projection draws from the demo's record: every row the demo holds
     * agrees on the signature, the deposit, the instrument, the entry into force and the denunciation, and on the
     * authorities where the demo loaded them.
     */
    @Test
    @Order(8)
    void theChartOfTheConventionOn20151203MatchesTheTreatyOfficesForEveryRowTheDemoHolds() throws Exception {
        List<String> office = Files.readAllLines(Workspace.root().resolve(
                "deploy/local/demo-data/chart-ETS185-2015-12-03.csv"));
        String[] header = office.get(0).split(",", -1);
        Map<String, Map<String, String>> ours = new java.util.LinkedHashMap<>();
        eventually(() -> {
            ours.clear();
            String csv = given().baseUri(projection.url()).accept("text/csv")
                    .queryParam("asOf", "2015-12-03").get("/treaties/ETS185/chart").then().statusCode(200)
                    .extract().asString();
            String[] lines = csv.split("\r\n");
            assertEquals(String.join(",", header), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                Map<String, String> row = row(header, lines[i]);
                ours.put(row.get("memberId"), row);
            }
            assertTrue(ours.size() >= 25, "the chart holds " + ours.keySet());
        });
        int compared = 0;
        for (String line : office.subList(1, office.size())) {
            Map<String, String> theirs = row(header, line);
            Map<String, String> mine = ours.get(theirs.get("memberId"));
            if (mine == null) {
                continue; // a row the demo does not hold (see the demo's "left out" lines)
            }
            compared++;
            for (String field : List.of("name", "councilOfEuropeMember", "signedOn", "depositedOn", "instrument",
                    "entryIntoForceOn", "denouncedOn")) {
                if (!theirs.get(field).isEmpty() || !field.equals("signedOn")) {
                    assertEquals(theirs.get(field), mine.get(field), theirs.get("memberId") + " " + field);
                }
            }
            // the demo holds the authorities found in the sources, not every one: where it holds one, so must the Office
            if ("true".equals(mine.get("authorities")) && !theirs.get("authorities").isEmpty()) {
                assertEquals("true", theirs.get("authorities"), theirs.get("memberId") + " authorities");
            }
        }
        assertTrue(compared >= 25, "only " + compared + " rows of the Office's chart were compared");
    }

    /** A CSV line of the chart: the fixture's names hold no comma, the system's quote one when they do. */
    private static Map<String, String> row(String[] header, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], i < cells.size() ? cells.get(i) : "");
        }
        return row;
    }

    /**
     * The committee's own bodies from the committee record, read by anyone: the Bureau elected at T-CY 23 (Chair
     * Romania, Vice-chair Portugal; the terms are the demo's invention, its decision says so) and the working bodies
     * with their mandates and meetings (the drafting body's mandate extended to May 2021 at T-CY 23).
     */
    @Test
    @Order(9)
    void theBureauAndTheWorkingBodiesAreThePublicsToRead() {
        eventually(() -> given().baseUri(projection.url()).queryParam("asOf", "2021-06-01").get("/bureau").then()
                .statusCode(200)
                .body("seats[0].memberId", equalTo("RO")).body("seats[0].post", equalTo("CHAIR"))
                .body("seats[1].memberId", equalTo("PT")).body("seats[1].post", equalTo("VICE_CHAIR"))
                .body("seats.electedAt", everyItem(equalTo("T-CY-23"))));
        eventually(() -> given().baseUri(projection.url()).get("/working-bodies/pdp").then().statusCode(200)
                .body("mandateUntil", equalTo("2021-05-31")).body("establishedAt", equalTo("T-CY-17"))
                .body("meetings.meetingId", org.hamcrest.Matchers.hasItems("PDP-2019-11", "PDP-8", "PDP-10")));
        eventually(() -> given().baseUri(projection.url()).get("/working-bodies/ceg").then().statusCode(200)
                .body("establishedAt", equalTo("T-CY-12")).body("meetings.meetingId",
                        org.hamcrest.Matchers.hasItem("CEG-DP-2016-05-23")));
    }

    /**
     * The document register by meeting: what the committee record says was tabled at T-CY 12, as an observer reads
     * it; anyone reads each of those documents (PUBLIC), and the outcomes of T-CY 14, whose report is published, not
     * those of T-CY 12, whose report the record does not give.
     */
    @Test
    @Order(9)
    void whatWasTabledAtTcy12IsInTheDocumentRegister() {
        Set<String> tabled = new TreeSet<>();
        committeeRecord.get("documents").forEach(document -> document.path("tabledAt").forEach(at -> {
            if (at.asText().equals("T-CY-12")) {
                tabled.add(document.get("symbol").asText());
            }
        }));
        assertFalse(tabled.isEmpty());
        eventually(() -> assertTrue(new TreeSet<>(observe("/documents", Map.of("meetingId", "T-CY-12", "size", 500))
                .then().statusCode(200).extract().jsonPath().<String>getList("symbol")).containsAll(tabled),
                "tabled at T-CY 12: " + tabled));
        tabled.forEach(symbol -> given().baseUri(projection.url()).get("/documents/{symbol}", symbol).then()
                .statusCode(200).body("access", equalTo("PUBLIC")));
        eventually(() -> assertTrue(new TreeSet<>(given().baseUri(projection.url()).queryParam("meetingId", "T-CY-14")
                .queryParam("size", 500).get("/documents").then().statusCode(200).extract().jsonPath()
                .<String>getList("symbol")).contains("T-CY(2015)25"), "the report of T-CY 14 is public"));
        eventually(() -> given().baseUri(projection.url()).get("/meetings/T-CY-14/outcomes").then().statusCode(200)
                .body("meeting.report", equalTo("T-CY(2015)25")));
        given().baseUri(projection.url()).get("/meetings/T-CY-12/outcomes").then().statusCode(404);
    }
}
