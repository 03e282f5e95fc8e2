import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the real record of deploy/local/demo-data/tcy-history.json into a running local stack through the public
 * REST API, as the secretariat would. Every command carries an Idempotency-Key derived from the fact, so a second
 * run stores nothing new. Facts the record lacks (invitation and observer dates) are invented, and say so.
 *
 * Then it runs the committee's history through the other services: guidance notes, the three assessment rounds, the
 * 2015 Cloud Evidence Group consultation, and the plenaries T-CY 8 to 17 with their decisions, attended by every Party
 * of the day. Where the record lacks a fact (a launch date, a questionnaire, a stakeholder) the demo invents one and
 * says so in the text it sends.
 *
 * Usage (deploy/local/demo does this):
 *   java -cp <testing classpath> Demo.java DATA TOKEN MEMBERSHIP_URL MEETINGS_URL ASSESSMENTS_URL CLOUD_EVIDENCE_URL
 */
public class Demo {

    // HTTP/1.1: no h2c upgrade, which proxies in between (Prism, in deploy/contracts/prism-demo) do not follow
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String membership;
    private static String meetings;
    private static String assessments;
    private static String cloudEvidence;
    private static String token;
    private static String historyFile;
    private static final Map<String, Integer> OUTCOMES = new LinkedHashMap<>();
    /** What the demo loaded from the sourced records, by kind (printed at the end). */
    private static final Map<String, Integer> COUNTS = new java.util.TreeMap<>();

    public static void main(String[] args) throws Exception {
        JsonObject history;
        try (var reader = Json.createReader(new FileReader(args[0]))) {
            history = reader.readObject();
        }
        historyFile = args[0];
        token = args[1];
        membership = args[2];
        meetings = args[3];
        assessments = args[4];
        cloudEvidence = args[5];

        for (JsonValue value : history.getJsonArray("members")) {
            JsonObject member = value.asJsonObject();
            if (!member.getBoolean("observer", false)) {
                continue; // the States come from the Treaty Office's record below
            }
            String id = member.getString("id");
            post("register " + id, membership, "/members", Json.createObjectBuilder()
                    .add("id", id).add("name", member.getString("name")).add("kind", member.getString("kind"))
                    .add("councilOfEuropeMember", false).build());
            // invented: the record says these organisations are observers, not since when
            post("observer " + id, membership, "/members/" + id + "/observer-status", Json.createObjectBuilder()
                    .add("grantedOn", "2006-03-20")
                    .add("reference", "invented: observer since T-CY 1 (2006-03-20); the record gives no date").build());
        }
        TreatyRecordLoader.load(java.nio.file.Path.of(args[0]).resolveSibling("treaty-record.json"));
        history(history);
        System.out.println("demo: " + OUTCOMES);
        TreatyRecordLoader.report();
        System.out.println("demo: invented facts are marked 'invented' in what was sent: observer dates of the "
                + "organisations, invitation dates of the acceding States the record gives none for, the dates of "
                + "authorities designated without one (taken as the deposit's), launch dates and questionnaires of the "
                + "assessment rounds, notes' texts, stakeholders and submissions of the consultation, written "
                + "procedure's opening");
        if (OUTCOMES.getOrDefault("failed", 0) > 0) { // a conflict is reported, not a failure: the register stands
            System.exit(1);
        }
    }

    /** Guidance notes adopted at each plenary of the record, with the document symbols it gives. */
    private static final Map<String, String[][]> NOTES = new LinkedHashMap<>();

    static {
        NOTES.put("T-CY-8", new String[][] {{"gn-computer-system", "Guidance Note #1 on the notion of 'computer system'", "1", "T-CY(2012)21"}});
        NOTES.put("T-CY-9", new String[][] {
                {"gn-botnets", "Guidance Note on botnets", "2", "T-CY(2013)6"},
                {"gn-identity-theft", "Guidance Note on identity theft and phishing", "7", "T-CY(2013)8"},
                {"gn-ddos", "Guidance Note on DDOS attacks", "5", "T-CY(2013)10"},
                {"gn-cii-attacks", "Guidance Note on critical information infrastructure attacks", "5", "T-CY(2013)11"},
                {"gn-malware", "Guidance Note on new forms of malware", "6", "T-CY(2013)12"}});
        NOTES.put("T-CY-12", new String[][] {
                {"gn-transborder-access", "Guidance Note on transborder access (Article 32)", "32", "T-CY(2013)7"},
                // Guidance Note #8; its symbol was not found (T-CY(2013)17, used here before, is the 2013 assessment report)
                {"gn-spam", "Guidance Note #8 on spam", "2", "(symbol not found)"}});
        NOTES.put("T-CY-16", new String[][] {{"gn-terrorism", "Guidance Note on terrorism", "2", "T-CY(2016)11"}});
    }

    /** Assessment rounds: id → plenary that adopted the report. */
    private static final Map<String, String> ROUND_ADOPTED_AT = new LinkedHashMap<>();

    private static void history(JsonObject history) throws Exception {
        Committee.load(java.nio.file.Path.of(historyFile).resolveSibling("committee-record.json"));
        Committee.documents();
        for (String[][] notes : NOTES.values()) {
            for (String[] note : notes) {
                draftNote(note[0], note[1], note[2], note[3]);
            }
        }
        draftNote("gn-article-18", "Guidance Note on production orders for subscriber information (Article 18)", "18",
                "T-CY(2015)16");
        for (JsonValue value : history.getJsonArray("assessmentRounds")) {
            JsonObject round = value.asJsonObject();
            assessmentRound(round);
        }
        consultation(history.getJsonObject("cloudEvidenceGroup"));
        java.util.Set<String> known = new java.util.HashSet<>();
        for (JsonValue value : history.getJsonArray("plenaries")) {
            known.add(value.asJsonObject().getString("id"));
        }
        for (JsonObject plenary : Committee.plenaries(history.getJsonArray("plenaries"))) {
            if (known.contains(plenary.getString("id")) || Committee.decidesAt(plenary.getString("id"))) {
                plenary(plenary);
            } else {
                Committee.scheduleOnly(plenary);
            }
        }
        Committee.workingBodyMeetings();
        writtenProcedure();
        // invented: a follow-up of the second round's recommendation, to show follow-up per Party. Assessments learns
        // of the adoption from the plenary's decision on tcy.meetings.v1, a moment after meetings recorded it.
        for (int attempt = 0; attempt < 40; attempt++) {
            JsonArray cycle = Json.createArrayBuilder().add(getObject(assessments, "/assessment-cycles/round-2-mla")).build();
            if (!cycle.getJsonObject(0).isNull("adoption")) {
                break;
            }
            Thread.sleep(250);
        }
        post("follow-up round-2-mla EE", assessments, "/assessment-cycles/round-2-mla/follow-ups", Json.createObjectBuilder()
                .add("recommendationId", "r1").add("partyId", "EE").add("status", "PARTIALLY")
                .add("assessedOn", "2016-06-01").add("note", "invented for the demo").build());
    }

    private static void draftNote(String id, String title, String article, String symbol) throws Exception {
        post("draft " + id, meetings, "/guidance-notes", Json.createObjectBuilder()
                .add("id", id).add("title", title + " " + symbol).add("articles", Json.createArrayBuilder().add(article))
                .add("text", Json.createObjectBuilder()
                        .add("en", "[demo: the text of " + symbol + " is not reproduced; invented placeholder]")
                        .add("fr", "[démo : le texte de " + symbol + " n'est pas reproduit]"))
                .addAll(Committee.registered(symbol) == null ? Json.createObjectBuilder()
                        : Json.createObjectBuilder().add("symbol", symbol))
                .build());
    }

    private static void assessmentRound(JsonObject round) throws Exception {
        String id = round.getString("id");
        String adoptedAt = round.getString("adoptedAt");
        ROUND_ADOPTED_AT.put(id, adoptedAt);
        String launched = switch (id) {
            case "round-1-preservation" -> "2011-06-01";
            case "round-2-mla" -> "2013-04-01";
            default -> "2015-06-01";
        };
        JsonArrayBuilderHelper articles = new JsonArrayBuilderHelper();
        round.getJsonArray("articles").forEach(article -> articles.add(((jakarta.json.JsonString) article).getString()));
        post("launch " + id, assessments, "/assessment-cycles", Json.createObjectBuilder()
                .add("id", id).add("title", round.getString("title")).add("articles", articles.build())
                .add("launchedOn", launched)
                .add("replyDeadline", LocalDate.parse(launched).plusMonths(6).toString()).build());
        String questionnaire = round.containsKey("questionnaire") ? round.getString("questionnaire") : "invented questionnaire";
        String firstArticle = ((jakarta.json.JsonString) round.getJsonArray("articles").get(0)).getString();
        post("questionnaire " + id, assessments, "/assessment-cycles/" + id + "/questionnaire", Json.createObjectBuilder()
                .add("documentSymbol", questionnaire.length() > 40 ? "invented" : questionnaire)
                .add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "q1")
                        .add("article", firstArticle)
                        .add("text", "[demo: invented question on Article " + firstArticle + "]"))).build());
        post("draft " + id, assessments, "/assessment-cycles/" + id + "/draft-reports", Json.createObjectBuilder()
                .add("findings", Json.createArrayBuilder())
                .add("recommendations", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "r1")
                        .add("addressee", "Parties").add("priority", "HIGH")
                        .add("text", "[demo: invented recommendation; the report " + (round.containsKey("report")
                                ? round.getString("report") : "of this round") + " is not reproduced]"))).build());
    }

    private static void consultation(JsonObject group) throws Exception {
        JsonArrayBuilderHelper options = new JsonArrayBuilderHelper();
        for (JsonValue option : group.getJsonArray("options")) {
            options.add(option.asJsonObject());
        }
        String id = "ceg-2015-hearing";
        post("open " + id, cloudEvidence, "/consultations", Json.createObjectBuilder()
                .add("id", id).add("title", "Criminal justice access to evidence in the cloud")
                .add("question", group.getString("task")).add("options", options.build())
                .add("opensOn", "2015-05-26").add("closesOn", group.getJsonObject("hearing").getString("heldOn"))
                .add("chathamHouse", group.getJsonObject("hearing").getBoolean("chathamHouse")).build());
        String[][] stakeholders = {{"A cloud service provider (invented)", "SERVICE_PROVIDER", "2"},
                {"Another service provider (invented)", "SERVICE_PROVIDER", "2"},
                {"A civil society organisation (invented)", "CIVIL_SOCIETY", "4"},
                {"A data protection authority (invented)", "DATA_PROTECTION_AUTHORITY", "4"}};
        JsonArrayBuilderHelper participants = new JsonArrayBuilderHelper();
        for (String[] stakeholder : stakeholders) {
            String stakeholderId = post("stakeholder " + stakeholder[0], cloudEvidence, "/consultations/" + id + "/stakeholders",
                    Json.createObjectBuilder().add("name", stakeholder[0]).add("kind", stakeholder[1]).build())
                    .getString("stakeholderId");
            participants.add(stakeholderId);
            post("submission " + stakeholder[0], cloudEvidence, "/consultations/" + id + "/submissions",
                    Json.createObjectBuilder().add("stakeholderId", stakeholderId)
                            .add("receivedOn", group.getJsonObject("hearing").getString("writtenCommentsDue"))
                            .add("positions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                    .add("optionId", stakeholder[2]).add("stance", "SUPPORT")))
                            .add("text", "[demo: invented written comments]").build());
        }
        post("hearing " + id, cloudEvidence, "/consultations/" + id + "/hearings", Json.createObjectBuilder()
                .add("heldOn", group.getJsonObject("hearing").getString("heldOn"))
                .add("venue", group.getJsonObject("hearing").getString("venue")).add("participants", participants.build())
                .build());
        post("close " + id, cloudEvidence, "/consultations/" + id + "/close",
                Json.createObjectBuilder().add("closedOn", "2015-12-01").build());
        post("recommend " + id, cloudEvidence, "/consultations/" + id + "/recommendations", Json.createObjectBuilder()
                .add("recommendedOptions", Json.createArrayBuilder().add("1").add("2").add("3").add("4"))
                .add("text", "Recommendations T-CY(2016)5 (not reproduced)").build());
    }

    private static void plenary(JsonObject plenary) throws Exception {
        String id = plenary.getString("id");
        String startsOn = plenary.getString("startsOn");
        Committee.schedule(plenary);
        Committee.tabled(id);
        String item = post("agenda " + id, meetings, "/meetings/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "Decisions of the plenary").build()).getString("itemId");
        post("open " + id, meetings, "/meetings/" + id + "/open");
        for (JsonValue party : get(membership, "/members?asOf=" + startsOn + "&status=PARTY")) {
            String memberId = party.asJsonObject().getString("id");
            post("attend " + id + " " + memberId, meetings, "/meetings/" + id + "/attendance",
                    Json.createObjectBuilder().add("memberId", memberId).build());
        }
        Committee.adHocObservers(id);
        for (String[] note : NOTES.getOrDefault(id, new String[0][])) {
            decide(id, item, startsOn, "ADOPT_GUIDANCE_NOTE", note[0], 1, "The T-CY adopted " + note[1] + " " + note[3],
                    Committee.registered(note[3]));
        }
        for (Map.Entry<String, String> round : ROUND_ADOPTED_AT.entrySet()) {
            if (round.getValue().equals(id)) {
                decide(id, item, startsOn, "ADOPT_ASSESSMENT_REPORT", round.getKey(), 1,
                        "The T-CY adopted the assessment report of " + round.getKey());
            }
        }
        Committee.decisions(id, item, startsOn);
        if (id.equals("T-CY-16")) {
            // invented: the record dates the recommendations to September 2016, not their endorsement
            decide(id, item, startsOn, "ENDORSE_CEG_RECOMMENDATIONS", "ceg-2015-hearing", null,
                    "The T-CY endorsed the recommendations of the Cloud Evidence Group (date invented)");
        }
        post("close " + id, meetings, "/meetings/" + id + "/close");
        Committee.reportPublished(plenary);
    }

    private static void writtenProcedure() throws Exception {
        String id = "WP-2017-ART18";
        post("schedule " + id, meetings, "/meetings", Json.createObjectBuilder().add("id", id)
                .add("kind", "WRITTEN_PROCEDURE").add("title", "Written procedure: Guidance Note on Article 18")
                .add("venue", "written procedure").add("startsOn", "2017-02-01").add("endsOn", "2017-02-28").build());
        String item = post("agenda " + id, meetings, "/meetings/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "Guidance Note on Article 18 T-CY(2015)16").build()).getString("itemId");
        post("open " + id, meetings, "/meetings/" + id + "/open");
        decide(id, item, "2017-02-28", "ADOPT_GUIDANCE_NOTE", "gn-article-18", 1,
                "Adopted by written procedure on 2017-02-28", Committee.registered("T-CY(2015)16"));
        post("close " + id, meetings, "/meetings/" + id + "/close");
    }

    private static void decide(String meeting, String item, String on, String kind, String subject, Integer version,
                               String text) throws Exception {
        decide(meeting, item, on, kind, subject, version, text, null);
    }

    /** {@code documentSymbol}: the registered document the decision adopts, or null. */
    private static void decide(String meeting, String item, String on, String kind, String subject, Integer version,
                               String text, String documentSymbol) throws Exception {
        JsonObjectBuilder decision = Json.createObjectBuilder().add("agendaItemId", item).add("kind", kind)
                .add("subject", subject).add("text", text).add("vote", Json.createObjectBuilder().add("mode", "CONSENSUS"))
                .add("adoptedOn", on);
        if (documentSymbol != null) {
            decision.add("documentSymbol", documentSymbol);
        }
        if (version != null) {
            decision.add("version", version);
        }
        post("decide " + meeting + " " + kind + " " + subject, meetings, "/meetings/" + meeting + "/decisions",
                decision.build());
    }

    /** A small helper: jakarta.json's array builder takes strings and objects alike. */
    private static final class JsonArrayBuilderHelper {
        private final jakarta.json.JsonArrayBuilder builder = Json.createArrayBuilder();

        void add(String value) {
            builder.add(value);
        }

        void add(JsonObject value) {
            builder.add(value);
        }

        JsonArray build() {
            return builder.build();
        }
    }

    private static JsonObject getObject(String base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static JsonArray get(String base, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** The same fact gets the same key on every run; a key is at most 128 characters of [A-Za-z0-9._:-]. */
    private static String idempotencyKey(String what) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(what.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "demo-v2:" + java.util.HexFormat.of().formatHex(digest);
    }

    /** A command that takes no body (opening or closing a meeting): it is sent none, as its OpenAPI says. */
    private static JsonObject post(String what, String base, String path) throws Exception {
        return post(what, base, path, null);
    }

    private static JsonObject post(String what, String base, String path, JsonObject body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey(what));
        HttpRequest request = (body == null ? builder.POST(HttpRequest.BodyPublishers.noBody())
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String outcome = switch (response.statusCode()) {
            case 200, 201 -> "answered";
            case 409 -> response.body().contains("\"id-unique\"") ? "already recorded" : "failed";
            default -> "failed";
        };
        OUTCOMES.merge(outcome, 1, Integer::sum);
        if (outcome.equals("failed")) {
            System.err.println("demo: " + what + " failed: " + response.statusCode() + " " + response.body());
        }
        if (response.body() == null || !response.body().startsWith("{")) {
            return Json.createObjectBuilder().build();
        }
        try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /**
     * Loads deploy/local/demo-data/treaty-record.json, the Treaty Office's record as sourced (see sourced-facts.md):
     * every State with its signatures, deposits and invitations, and the authorities it designated. A fact the
     * register already holds (entered by hand, or by an earlier run) is "already recorded"; a different fact where
     * the register holds one is a "conflict", reported and not sent; a fact the record gives without the step it
     * needs (a ratification with no signature date, a protocol without the Convention) is left out and said.
     */
    static final class TreatyRecordLoader {
        private static final java.util.List<String> LEFT_OUT = new java.util.ArrayList<>();
        private static final java.util.List<String> CONFLICTS = new java.util.ArrayList<>();

        static void load(java.nio.file.Path file) throws Exception {
            JsonObject record;
            try (var reader = Json.createReader(new FileReader(file.toFile()))) {
                record = reader.readObject();
            }
            for (JsonValue value : record.getJsonArray("states")) {
                state(value.asJsonObject());
            }
        }

        static void report() {
            System.out.println("demo: the sourced records loaded: " + COUNTS);
            LEFT_OUT.forEach(line -> System.out.println("demo: left out (the record lacks a step): " + line));
            CONFLICTS.forEach(line -> System.err.println("demo: CONFLICT with the register, not sent: " + line));
        }

        private static void state(JsonObject state) throws Exception {
            String id = state.getString("id");
            JsonObject held = held(id);
            if (held == null) {
                post("register " + id, membership, "/members", Json.createObjectBuilder().add("id", id)
                        .add("name", state.getString("name")).add("kind", "STATE")
                        .add("councilOfEuropeMember", state.getBoolean("councilOfEuropeMember")).build());
                held = held(id);
            } else if (held.getBoolean("councilOfEuropeMember") != state.getBoolean("councilOfEuropeMember")) {
                conflict(id + " is registered with councilOfEuropeMember " + held.getBoolean("councilOfEuropeMember"));
            }
            COUNTS.merge("States", 1, Integer::sum);
            JsonObject convention = state.containsKey("ETS185") ? state.getJsonObject("ETS185") : null;
            JsonObject consent = convention == null ? null
                    : convention.containsKey("later") ? convention.getJsonObject("later") : convention;
            String instrument = consent == null || !consent.containsKey("instrument") ? null : consent.getString("instrument");
            if ("ACCESSION".equals(instrument) || state.containsKey("invitedOn")) {
                invitation(id, state, consent, held);
            }
            if (convention != null) {
                treaty(id, "ETS185", convention, held);
            }
            for (String protocol : java.util.List.of("ETS189", "CETS224")) {
                if (state.containsKey(protocol)) {
                    treaty(id, protocol, state.getJsonObject(protocol), held(id));
                }
            }
            if (state.containsKey("authorities")) {
                authorities(id, state.getJsonArray("authorities"), held(id));
            }
        }

        private static void invitation(String id, JsonObject state, JsonObject consent, JsonObject held)
                throws Exception {
            String invitedOn;
            String reference;
            if (state.containsKey("invitedOn")) {
                invitedOn = state.getString("invitedOn");
                reference = "source " + state.getString("invitationSource", "?");
            } else if (consent != null && consent.containsKey("depositedOn")) {
                LocalDate twoYearsBefore = LocalDate.parse(consent.getString("depositedOn")).minusYears(2);
                LocalDate inForce = LocalDate.parse("2004-07-01");
                invitedOn = (twoYearsBefore.isBefore(inForce) ? inForce : twoYearsBefore).toString();
                reference = "invented: invitation two years before accession; the record gives no date";
            } else {
                LEFT_OUT.add(id + ": invited, on a date the record does not give");
                return;
            }
            String recorded = held.isNull("invitedOn") ? null : held.getString("invitedOn");
            if (same(id + " invitation", recorded, invitedOn)) {
                post("invite " + id, membership, "/members/" + id + "/invitations", Json.createObjectBuilder()
                        .add("invitedOn", invitedOn).add("reference", reference).build());
                COUNTS.merge("invitations", 1, Integer::sum);
            }
        }

        private static void treaty(String id, String treaty, JsonObject facts, JsonObject held) throws Exception {
            JsonObject steps = facts.containsKey("later") ? merged(facts, facts.getJsonObject("later")) : facts;
            JsonObject recorded = recordedTreaty(held, treaty);
            String instrument = steps.getString("instrument", null);
            // a date the record only infers (signedOnSure "I") is not loaded as a fact
            boolean signed = steps.containsKey("signedOn") && !"I".equals(steps.getString("signedOnSure", "S"));
            if (steps.containsKey("signedOn") && !signed) {
                LEFT_OUT.add(id + ": " + treaty + " signature of " + steps.getString("signedOn") + " is only inferred");
            }
            if (signed && same(id + " " + treaty + " signature", text(recorded, "signedOn"), steps.getString("signedOn"))) {
                if (treaty.equals("CETS224") && !partyToConventionBy(held, steps.getString("signedOn"))) {
                    LEFT_OUT.add(id + ": CETS224 signed " + steps.getString("signedOn") + ", but the record does not"
                                 + " show it a Party to ETS185 by then");
                    return;
                }
                post("sign " + treaty + " " + id, membership, "/members/" + id + "/signatures", Json.createObjectBuilder()
                        .add("treaty", treaty).add("signedOn", steps.getString("signedOn")).build());
                COUNTS.merge(treaty + " signatures", 1, Integer::sum);
            }
            if (!steps.containsKey("depositedOn") || instrument == null) {
                if (steps.containsKey("entryIntoForceOn") || steps.containsKey("partyBy")) {
                    LEFT_OUT.add(id + ": " + treaty + " in force for it, on a deposit the record does not date");
                }
                return;
            }
            if (!instrument.equals("ACCESSION") && !signed && text(recorded, "signedOn") == null) {
                LEFT_OUT.add(id + ": " + treaty + " " + instrument + " of " + steps.getString("depositedOn")
                             + " without the date of its signature");
                return;
            }
            if (treaty.equals("CETS224") && !partyToConventionBy(held, steps.getString("depositedOn"))) {
                LEFT_OUT.add(id + ": CETS224 deposit without the record's ETS185 for it");
                return;
            }
            if (same(id + " " + treaty + " deposit", text(recorded, "depositedOn"), steps.getString("depositedOn"))) {
                JsonObject answer = post("deposit " + treaty + " " + id, membership, "/members/" + id + "/instruments",
                        Json.createObjectBuilder().add("treaty", treaty).add("kind", instrument)
                                .add("depositedOn", steps.getString("depositedOn")).build());
                COUNTS.merge(treaty + " deposits", 1, Integer::sum);
                if (steps.containsKey("entryIntoForceOn") && answer.containsKey("entryIntoForceOn")
                    && !answer.isNull("entryIntoForceOn")
                    && !answer.getString("entryIntoForceOn").equals(steps.getString("entryIntoForceOn"))) {
                    conflict(id + " " + treaty + ": the register derives entry into force "
                             + answer.getString("entryIntoForceOn") + ", the record says " + steps.getString("entryIntoForceOn"));
                }
            }
        }

        private static void authorities(String id, JsonArray authorities, JsonObject held) throws Exception {
            JsonObject convention = recordedTreaty(held, "ETS185");
            String deposit = text(convention, "depositedOn");
            for (JsonValue value : authorities) {
                JsonObject authority = value.asJsonObject();
                if (text(convention, "signedOn") == null && deposit == null) {
                    LEFT_OUT.add(id + ": authority " + authority.getString("institution") + ", but the record gives "
                                 + "no signature or deposit of ETS185 it was notified under");
                    continue;
                }
                String notifiedOn = authority.getString("notifiedOn", null);
                String note = "";
                if (notifiedOn == null) {
                    if (deposit == null) {
                        LEFT_OUT.add(id + ": authority " + authority.getString("institution") + " without a date");
                        continue;
                    }
                    notifiedOn = deposit;
                    note = " [date invented: designated with the instrument; the record gives no date]";
                }
                String function = authority.getString("function");
                if (alreadyDesignated(convention, function, authority.getString("institution"))) {
                    OUTCOMES.merge("already recorded", 1, Integer::sum);
                    continue;
                }
                String article = switch (function) {
                    case "EXTRADITION_ART24" -> "24";
                    case "MUTUAL_ASSISTANCE_ART27" -> "27";
                    default -> "35";
                };
                post("authority " + id + " " + function + " " + authority.getString("institution"), membership,
                        "/members/" + id + "/notifications", Json.createObjectBuilder().add("treaty", "ETS185")
                                .add("kind", "AUTHORITY_DESIGNATED").add("article", article).add("notifiedOn", notifiedOn)
                                .add("text", "Authority under Article " + article + " (source "
                                             + authority.getString("source", "?") + ")" + note)
                                .add("authority", Json.createObjectBuilder().add("function", function)
                                        .add("institution", authority.getString("institution"))).build());
                COUNTS.merge("authorities", 1, Integer::sum);
            }
        }

        private static boolean alreadyDesignated(JsonObject convention, String function, String institution) {
            if (convention == null || !convention.containsKey("authorities")) {
                return false;
            }
            return convention.getJsonArray("authorities").stream().map(JsonValue::asJsonObject)
                    .anyMatch(held -> held.getString("function").equals(function)
                                      && held.getString("institution").equals(institution));
        }

        /** True when the fact is to be sent: the register holds none; the same is "already recorded". */
        private static boolean same(String what, String recorded, String fact) {
            if (recorded == null) {
                return true;
            }
            if (recorded.equals(fact)) {
                OUTCOMES.merge("already recorded", 1, Integer::sum);
            } else {
                conflict(what + ": the register holds " + recorded + ", the record " + fact);
            }
            return false;
        }

        private static void conflict(String line) {
            CONFLICTS.add(line);
            OUTCOMES.merge("conflict", 1, Integer::sum);
        }

        private static boolean partyToConventionBy(JsonObject held, String date) {
            String inForce = text(recordedTreaty(held, "ETS185"), "entryIntoForceOn");
            return inForce != null && inForce.compareTo(date) <= 0;
        }

        /** The member as the register holds it today, or null when it is not registered. */
        private static JsonObject held(String id) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(membership + "/members/" + id + "?asOf=2200-12-31"))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
                return reader.readObject();
            }
        }

        /** A field of the member's ETS185 as the register holds it today, or null. */
        private static String convention(String memberId, String field) throws Exception {
            return text(recordedTreaty(held(memberId), "ETS185"), field);
        }

        private static JsonObject recordedTreaty(JsonObject held, String treaty) {
            if (held == null) {
                return null;
            }
            for (JsonValue value : held.getJsonArray("treaties")) {
                if (value.asJsonObject().getString("treaty").equals(treaty)) {
                    return value.asJsonObject();
                }
            }
            return null;
        }

        private static String text(JsonObject object, String field) {
            return object == null || !object.containsKey(field) || object.isNull(field) ? null : object.getString(field);
        }

        private static JsonObject merged(JsonObject first, JsonObject later) {
            var builder = Json.createObjectBuilder(first);
            builder.remove("later");
            later.forEach(builder::add);
            return builder.build();
        }
    }

    /**
     * The committee's own record (deploy/local/demo-data/committee-record.json, sourced; see sourced-facts.md): the
     * plenaries from T-CY 1 with their dates, the ad hoc observers each plenary invited, the Bureau elected at T-CY 23,
     * the working bodies set up and extended and their meetings, and the decisions the reports give. What the record
     * lacks and a decision needs (a Bureau term, a mandate's first end) is invented and the decision's text says so;
     * what the rules refuse from the record (the 2006 election of a non-Party) is left out and said.
     */
    static final class Committee {
        private static JsonObject record = Json.createObjectBuilder().build();
        /** The working bodies the demo set up: only their meetings are scheduled. */
        private static final java.util.Set<String> ESTABLISHED = new java.util.HashSet<>();

        static void load(java.nio.file.Path file) throws Exception {
            try (var reader = Json.createReader(new FileReader(file.toFile()))) {
                record = reader.readObject();
            }
        }

        /** The plenaries of both records with their dates, in order; the history's own entries win. */
        static java.util.List<JsonObject> plenaries(JsonArray history) {
            Map<String, JsonObject> byId = new java.util.TreeMap<>();
            for (JsonValue value : record.getJsonArray("plenaries")) {
                JsonObject plenary = value.asJsonObject();
                if (plenary.containsKey("startsOn") && !plenary.isNull("startsOn") && plenary.containsKey("endsOn")) {
                    byId.put(plenary.getString("id"), plenary);
                }
            }
            for (JsonValue value : history) {
                byId.put(value.asJsonObject().getString("id"), value.asJsonObject());
            }
            return byId.values().stream().sorted(java.util.Comparator.comparing(p -> p.getString("startsOn"))).toList();
        }

        /** The symbols registered, with the day each is dated. */
        private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();
        private static final java.util.regex.Pattern SYMBOL =
                java.util.regex.Pattern.compile("^T-CY\\((19|20)\\d\\d\\)\\d{1,3}( ?[A-Z])?( (?i:rev)\\d?)?$");

        /** The symbol if the demo registered it, else null. */
        static String registered(String symbol) {
            return symbol != null && DOCUMENTS.containsKey(symbol) ? symbol : null;
        }

        /**
         * Registers the record's documents, PUBLIC as the public pages they were found on. A document the record
         * dates only by month is dated on its first day, one it does not date at all on the first day of the meeting
         * it was tabled or adopted at, else on 1 January of its symbol's year; its title says the day is invented.
         * Symbols the register's form refuses (T-CY (2008) 1 OJ rev) are left out.
         */
        static void documents() throws Exception {
            for (JsonValue value : record.getJsonArray("documents")) {
                JsonObject document = value.asJsonObject();
                String symbol = document.getString("symbol");
                String kind = document.getString("kind");
                if (!kind.equals("EXTERNAL") && !SYMBOL.matcher(symbol).matches()) {
                    TreatyRecordLoader.LEFT_OUT.add("document " + symbol + ": not a symbol of the register's form");
                    continue;
                }
                String title = document.getString("title", symbol);
                String datedOn = document.getString("datedOn", null);
                if (datedOn == null && document.containsKey("datedMonth")) {
                    datedOn = document.getString("datedMonth") + "-01";
                    title += " [day invented: the record gives the month]";
                } else if (datedOn == null) {
                    String meeting = document.containsKey("tabledAt") && !document.getJsonArray("tabledAt").isEmpty()
                            ? document.getJsonArray("tabledAt").getString(0) : document.getString("adoptedAt", null);
                    String start = meeting == null ? null : startOf(meeting);
                    java.util.regex.Matcher year = java.util.regex.Pattern.compile("\\((\\d{4})\\)").matcher(symbol);
                    datedOn = start != null ? start : year.find() ? year.group(1) + "-01-01" : null;
                    if (datedOn == null) {
                        TreatyRecordLoader.LEFT_OUT.add("document " + symbol + ": no date");
                        continue;
                    }
                    title += " [date invented: the record gives none]";
                }
                JsonObjectBuilder body = Json.createObjectBuilder().add("symbol", symbol)
                        .add("title", title.length() > 500 ? title.substring(0, 497) + "…" : title).add("kind", kind)
                        .add("datedOn", datedOn).add("access", "PUBLIC")
                        .add("languages", document.containsKey("languages") ? document.getJsonArray("languages")
                                : Json.createArrayBuilder().add("en").build());
                if (document.containsKey("supersedes") && registered(document.getString("supersedes")) != null) {
                    body.add("supersedes", document.getString("supersedes"));
                }
                post("document " + symbol, meetings, "/documents", body.build());
                DOCUMENTS.put(symbol, datedOn);
                COUNTS.merge("documents", 1, Integer::sum);
            }
        }

        /** An agenda item listing the registered documents the record says were tabled at the meeting. */
        static void tabled(String meetingId) throws Exception {
            JsonArrayBuilderHelper symbols = new JsonArrayBuilderHelper();
            int count = 0;
            for (JsonValue value : record.getJsonArray("documents")) {
                JsonObject document = value.asJsonObject();
                if (registered(document.getString("symbol")) != null && document.containsKey("tabledAt")
                    && document.getJsonArray("tabledAt").stream()
                            .anyMatch(at -> ((jakarta.json.JsonString) at).getString().equals(meetingId))) {
                    symbols.add(document.getString("symbol"));
                    count++;
                }
            }
            if (count > 0) {
                post("tabled " + meetingId, meetings, "/meetings/" + meetingId + "/agenda-items",
                        Json.createObjectBuilder().add("title", "Documents tabled (committee record)")
                                .add("documentSymbols", symbols.build()).build());
                COUNTS.merge("documents tabled", count, Integer::sum);
            }
        }

        /** The meeting's report, published on the day it is dated (or the meeting's last day, if later). */
        static void reportPublished(JsonObject plenary) throws Exception {
            String id = plenary.getString("id");
            JsonObject recorded = record.getJsonArray("plenaries").stream().map(JsonValue::asJsonObject)
                    .filter(p -> p.getString("id").equals(id)).findFirst().orElse(null);
            String report = recorded == null ? null : registered(recorded.getString("report", null));
            if (report == null) {
                return;
            }
            String endsOn = plenary.getString("endsOn");
            String dated = DOCUMENTS.get(report);
            post("report " + id, meetings, "/meetings/" + id + "/report", Json.createObjectBuilder()
                    .add("publishedOn", dated.compareTo(endsOn) > 0 ? dated : endsOn).add("documentSymbol", report)
                    .build());
            COUNTS.merge("meeting reports published", 1, Integer::sum);
        }

        private static String startOf(String meetingId) {
            for (JsonValue value : record.getJsonArray("plenaries")) {
                JsonObject meeting = value.asJsonObject();
                if (meeting.getString("id").equals(meetingId) && !meeting.isNull("startsOn")) {
                    return meeting.getString("startsOn");
                }
            }
            for (JsonValue value : record.getJsonArray("workingBodies")) {
                for (JsonValue meetingValue : value.asJsonObject().getJsonArray("meetings")) {
                    JsonObject meeting = meetingValue.asJsonObject();
                    if (meeting.getString("id").equals(meetingId) && !meeting.isNull("startsOn")) {
                        return meeting.getString("startsOn");
                    }
                }
            }
            return null;
        }

        static boolean decidesAt(String meetingId) {
            return record.getJsonArray("decisions").stream().map(JsonValue::asJsonObject)
                    .anyMatch(d -> d.getString("meetingId").equals(meetingId) && loadable(d));
        }

        static void schedule(JsonObject plenary) throws Exception {
            String id = plenary.getString("id");
            String venue = plenary.containsKey("venue") && !plenary.isNull("venue") ? plenary.getString("venue")
                    : "venue not found";
            boolean inferred = "I".equals(plenary.getString("sure", "S"));
            post("schedule " + id, meetings, "/meetings", Json.createObjectBuilder().add("id", id).add("kind", "PLENARY")
                    .add("title", "T-CY " + id.substring(5) + " plenary" + (inferred ? " (number inferred)" : ""))
                    .add("venue", venue).add("startsOn", plenary.getString("startsOn"))
                    .add("endsOn", plenary.getString("endsOn")).build());
        }

        static void scheduleOnly(JsonObject plenary) throws Exception {
            schedule(plenary);
            tabled(plenary.getString("id"));
            COUNTS.merge("plenaries scheduled", 1, Integer::sum);
        }

        /** The members with no capacity that the plenary invited by name, invited and attending. */
        static void adHocObservers(String meetingId) throws Exception {
            for (JsonValue value : record.getJsonArray("adHocObservers")) {
                JsonObject observer = value.asJsonObject();
                if (!observer.getString("meetingId").equals(meetingId)) {
                    continue;
                }
                String id = observer.getString("memberId");
                if (TreatyRecordLoader.held(id) == null) {
                    post("register " + id, membership, "/members", Json.createObjectBuilder().add("id", id)
                            .add("name", observer.getString("name")).add("kind", "STATE")
                            .add("councilOfEuropeMember", false).build());
                }
                String startsOn = startOf(meetingId);
                post("invite " + meetingId + " " + id, meetings, "/meetings/" + meetingId + "/invitations",
                        Json.createObjectBuilder().add("memberId", id).add("invitedOn", startsOn)
                                .add("reference", "invited as an ad hoc observer (source " + observer.getString("source")
                                                  + "; the day of the invitation is invented: the meeting's first)")
                                .build());
                post("attend " + meetingId + " " + id, meetings, "/meetings/" + meetingId + "/attendance",
                        Json.createObjectBuilder().add("memberId", id).build());
                COUNTS.merge("ad hoc observers", 1, Integer::sum);
            }
        }

        private static boolean loadable(JsonObject decision) {
            return switch (decision.getString("kind")) {
                case "ADOPT_GUIDANCE_NOTE", "ADOPT_ASSESSMENT_REPORT" -> false; // the history's notes and rounds
                case "ELECT_BUREAU" -> decision.getString("meetingId").equals("T-CY-23");
                case "ADOPT_TERMS_OF_REFERENCE" -> true; // set up the drafting body (see decisions)
                default -> !"I".equals(decision.getString("sure", "S"));
            };
        }

        static void decisions(String meetingId, String item, String on) throws Exception {
            for (JsonValue value : record.getJsonArray("decisions")) {
                JsonObject decision = value.asJsonObject();
                if (!decision.getString("meetingId").equals(meetingId)) {
                    continue;
                }
                if (!loadable(decision)) {
                    if (decision.getString("kind").equals("ELECT_BUREAU")) {
                        TreatyRecordLoader.LEFT_OUT.add(meetingId + ": the election of " + decision.getString("text")
                                + ": a vice-chair who was not a Party (the rule bureau-member-is-a-party)");
                    }
                    continue;
                }
                String text = "The T-CY decided " + decision.getString("text") + " (source "
                              + decision.getString("source") + ")";
                JsonObjectBuilder body = Json.createObjectBuilder().add("agendaItemId", item)
                        .add("vote", Json.createObjectBuilder().add("mode", "CONSENSUS")).add("adoptedOn", on);
                String kind = decision.getString("kind");
                switch (kind) {
                    case "WELCOME_NEW_PARTY" -> {
                        String member = decision.getString("subject");
                        String deposit = TreatyRecordLoader.convention(member, "depositedOn");
                        if (deposit == null || deposit.compareTo(on) > 0) {
                            TreatyRecordLoader.LEFT_OUT.add(meetingId + ": the welcome of " + member
                                    + ", whose deposit the record does not date");
                            continue;
                        }
                        body.add("subject", member);
                    }
                    case "ESTABLISH_WORKING_BODY", "ADOPT_TERMS_OF_REFERENCE" -> {
                        JsonObject workingBody = workingBody(decision.getString("subject"));
                        kind = "ESTABLISH_WORKING_BODY";
                        String until = workingBody.isNull("mandateUntil") ? "2020-12-31"
                                : workingBody.getString("mandateUntil");
                        text += workingBody.isNull("mandateUntil") ? " [the first end of the mandate, " + until
                                + ", is invented: the record gives only its extension to May 2021]" : "";
                        text += "I".equals(decision.getString("sure", "S")) ? " [adopted here: inferred]" : "";
                        JsonObjectBuilder mandate = Json.createObjectBuilder().add("id", workingBody.getString("id"))
                                .add("name", workingBody.getString("name")).add("kind", workingBody.getString("kind"))
                                .add("mandateUntil", until);
                        if (!workingBody.isNull("termsOfReference")) {
                            mandate.add("termsOfReference", workingBody.getString("termsOfReference"));
                        }
                        body.add("workingBody", mandate);
                        ESTABLISHED.add(workingBody.getString("id"));
                    }
                    case "EXTEND_MANDATE" -> {
                        JsonObject extension = workingBody(decision.getString("subject")).getJsonArray("extensions")
                                .getJsonObject(0);
                        body.add("subject", decision.getString("subject"))
                                .add("mandateUntil", extension.getString("mandateUntil"));
                    }
                    case "ELECT_BUREAU" -> {
                        JsonArrayBuilderHelper seats = new JsonArrayBuilderHelper();
                        for (JsonObject seat : bureauSeats(meetingId, on)) {
                            seats.add(seat);
                        }
                        body.add("elected", seats.build());
                        text += " [the terms, 2021-01-01 to 2022-12-31, are invented: the report gives none]";
                    }
                    default -> {
                    }
                }
                body.add("kind", kind).add("text", text);
                if (decision.containsKey("documentSymbol") && registered(decision.getString("documentSymbol")) != null) {
                    body.add("documentSymbol", decision.getString("documentSymbol"));
                }
                post("decide " + meetingId + " " + kind + " " + decision.getString("subject", "") + " "
                     + decision.getString("text"), meetings,
                        "/meetings/" + meetingId + "/decisions", body.build());
                COUNTS.merge("decisions " + kind, 1, Integer::sum);
            }
        }

        /** The seats T-CY 23 filled, for the members that are Parties in the register that day. */
        private static java.util.List<JsonObject> bureauSeats(String meetingId, String on) throws Exception {
            java.util.List<JsonObject> seats = new java.util.ArrayList<>();
            for (JsonValue value : record.getJsonArray("bureauElections")) {
                JsonObject election = value.asJsonObject();
                if (!election.getString("meetingId").equals(meetingId)) {
                    continue;
                }
                for (JsonValue seatValue : election.getJsonArray("elected")) {
                    JsonObject seat = seatValue.asJsonObject();
                    String member = seat.getString("memberId");
                    String inForce = TreatyRecordLoader.convention(member, "entryIntoForceOn");
                    if (inForce == null || inForce.compareTo(on) > 0) {
                        TreatyRecordLoader.LEFT_OUT.add(meetingId + ": the Bureau seat of " + member
                                + ", not a Party in the register (its deposit is not in the record)");
                        continue;
                    }
                    seats.add(Json.createObjectBuilder().add("memberId", member).add("post", seat.getString("post"))
                            .add("termFrom", "2021-01-01").add("termUntil", "2022-12-31").build());
                }
            }
            return seats;
        }

        private static JsonObject workingBody(String id) {
            return record.getJsonArray("workingBodies").stream().map(JsonValue::asJsonObject)
                    .filter(body -> body.getString("id").equals(id)).findFirst().orElseThrow();
        }

        /** The working bodies' meetings the sources show held, scheduled within the bodies' mandates. */
        static void workingBodyMeetings() throws Exception {
            for (JsonValue value : record.getJsonArray("workingBodies")) {
                JsonObject body = value.asJsonObject();
                if (!body.containsKey("meetings") || !ESTABLISHED.contains(body.getString("id"))) {
                    continue;
                }
                for (JsonValue meetingValue : body.getJsonArray("meetings")) {
                    JsonObject meeting = meetingValue.asJsonObject();
                    if (!"S".equals(meeting.getString("sure", "S")) || meeting.isNull("startsOn")
                        || meeting.isNull("endsOn")) {
                        continue;
                    }
                    String kind = body.getString("kind").equals("PROTOCOL_DRAFTING_GROUP") ? "PROTOCOL_DRAFTING"
                            : "WORKING_GROUP";
                    String title = body.getString("name") + (meeting.containsKey("number")
                            ? " " + meeting.getInt("number") : "") + " (source " + meeting.getString("source") + ")";
                    post("schedule " + meeting.getString("id"), meetings, "/meetings", Json.createObjectBuilder()
                            .add("id", meeting.getString("id")).add("kind", kind).add("title", title)
                            .add("venue", meeting.getString("venue", "venue not found"))
                            .add("startsOn", meeting.getString("startsOn")).add("endsOn", meeting.getString("endsOn"))
                            .add("workingBodyId", body.getString("id")).build());
                    tabled(meeting.getString("id"));
                    COUNTS.merge("working body meetings", 1, Integer::sum);
                }
            }
        }
    }
}
