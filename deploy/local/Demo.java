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

    /** ISO codes of the acceding States of the record's accession cases. */
    private static final Map<String, String> CODES = Map.of("Australia", "AU", "Dominican Republic", "DO",
            "Mauritius", "MU", "Panama", "PA", "Sri Lanka", "LK", "Israel", "IL", "Senegal", "SN", "Chile", "CL",
            "Philippines", "PH");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String membership;
    private static String meetings;
    private static String assessments;
    private static String cloudEvidence;
    private static String token;
    private static final Map<String, Integer> OUTCOMES = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        JsonObject history;
        try (var reader = Json.createReader(new FileReader(args[0]))) {
            history = reader.readObject();
        }
        token = args[1];
        membership = args[2];
        meetings = args[3];
        assessments = args[4];
        cloudEvidence = args[5];

        for (JsonValue value : history.getJsonArray("members")) {
            JsonObject member = value.asJsonObject();
            String id = member.getString("id");
            post("register " + id, membership, "/members", Json.createObjectBuilder()
                    .add("id", id).add("name", member.getString("name")).add("kind", member.getString("kind"))
                    .add("councilOfEuropeMember", member.getBoolean("councilOfEuropeMember", false)).build());
            if (member.containsKey("ETS185")) {
                JsonObject ets185 = member.getJsonObject("ETS185");
                post("sign " + id, membership, "/members/" + id + "/signatures", Json.createObjectBuilder()
                        .add("treaty", "ETS185").add("signedOn", ets185.getString("signedOn")).build());
                post("deposit " + id, membership, "/members/" + id + "/instruments", Json.createObjectBuilder()
                        .add("treaty", "ETS185").add("kind", ets185.getString("instrument"))
                        .add("depositedOn", ets185.getString("depositedOn")).build());
            }
            if (member.getBoolean("observer", false)) {
                // invented: the record says these organisations are observers, not since when
                post("observer " + id, membership, "/members/" + id + "/observer-status", Json.createObjectBuilder()
                        .add("grantedOn", "2006-03-20")
                        .add("reference", "invented: observer since T-CY 1 (2006-03-20); the record gives no date").build());
            }
        }
        for (JsonValue value : history.getJsonArray("accessionEntryIntoForceCases")) {
            JsonObject accession = value.asJsonObject();
            String name = accession.getString("state");
            String id = CODES.get(name);
            String depositedOn = accession.getString("depositedOn");
            post("register " + id, membership, "/members", Json.createObjectBuilder()
                    .add("id", id).add("name", name).add("kind", "STATE").add("councilOfEuropeMember", false).build());
            String invitedOn = java.time.LocalDate.parse(depositedOn).minusYears(2).toString();
            post("invite " + id, membership, "/members/" + id + "/invitations", Json.createObjectBuilder()
                    .add("invitedOn", invitedOn)
                    .add("reference", "invented: invitation two years before accession; the record gives no date").build());
            post("accede " + id, membership, "/members/" + id + "/instruments", Json.createObjectBuilder()
                    .add("treaty", "ETS185").add("kind", "ACCESSION").add("depositedOn", depositedOn).build());
        }
        history(history);
        System.out.println("demo: " + OUTCOMES);
        System.out.println("demo: invented facts are marked 'invented' in what was sent: observer dates of the "
                + "organisations, invitation dates of the acceding States, launch dates and questionnaires of the "
                + "assessment rounds, notes' texts, stakeholders and submissions of the consultation, written "
                + "procedure's opening");
        if (OUTCOMES.getOrDefault("failed", 0) > 0) {
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
                {"gn-spam", "Guidance Note on spam", "2", "T-CY(2013)17"}});
        NOTES.put("T-CY-16", new String[][] {{"gn-terrorism", "Guidance Note on terrorism", "2", "T-CY(2016)11"}});
    }

    /** Assessment rounds: id → plenary that adopted the report. */
    private static final Map<String, String> ROUND_ADOPTED_AT = new LinkedHashMap<>();

    private static void history(JsonObject history) throws Exception {
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
        for (JsonValue value : history.getJsonArray("plenaries")) {
            plenary(value.asJsonObject());
        }
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
        post("schedule " + id, meetings, "/meetings", Json.createObjectBuilder().add("id", id).add("kind", "PLENARY")
                .add("title", "T-CY " + id.substring(5) + " plenary").add("venue", plenary.getString("venue"))
                .add("startsOn", startsOn).add("endsOn", plenary.getString("endsOn")).build());
        String item = post("agenda " + id, meetings, "/meetings/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "Decisions of the plenary").build()).getString("itemId");
        post("open " + id, meetings, "/meetings/" + id + "/open", Json.createObjectBuilder().build());
        for (JsonValue party : get(membership, "/members?asOf=" + startsOn + "&status=PARTY")) {
            String memberId = party.asJsonObject().getString("id");
            post("attend " + id + " " + memberId, meetings, "/meetings/" + id + "/attendance",
                    Json.createObjectBuilder().add("memberId", memberId).build());
        }
        for (String[] note : NOTES.getOrDefault(id, new String[0][])) {
            decide(id, item, startsOn, "ADOPT_GUIDANCE_NOTE", note[0], 1, "The T-CY adopted " + note[1] + " " + note[3]);
        }
        for (Map.Entry<String, String> round : ROUND_ADOPTED_AT.entrySet()) {
            if (round.getValue().equals(id)) {
                decide(id, item, startsOn, "ADOPT_ASSESSMENT_REPORT", round.getKey(), 1,
                        "The T-CY adopted the assessment report of " + round.getKey());
            }
        }
        if (id.equals("T-CY-14")) {
            decide(id, item, startsOn, "WELCOME_NEW_PARTY", "CA", null, "The T-CY welcomed Canada as a new Party");
            decide(id, item, startsOn, "WELCOME_NEW_PARTY", "LK", null, "The T-CY welcomed Sri Lanka as a new Party");
        }
        if (id.equals("T-CY-16")) {
            // invented: the record dates the recommendations to September 2016, not their endorsement
            decide(id, item, startsOn, "ENDORSE_CEG_RECOMMENDATIONS", "ceg-2015-hearing", null,
                    "The T-CY endorsed the recommendations of the Cloud Evidence Group (date invented)");
        }
        if (id.equals("T-CY-17")) {
            decide(id, item, startsOn, "WELCOME_NEW_PARTY", "CL", null, "The T-CY welcomed Chile as a new Party");
            decide(id, item, startsOn, "WELCOME_NEW_PARTY", "SN", null, "The T-CY welcomed Senegal as a new Party");
        }
        post("close " + id, meetings, "/meetings/" + id + "/close", Json.createObjectBuilder().build());
    }

    private static void writtenProcedure() throws Exception {
        String id = "WP-2017-ART18";
        post("schedule " + id, meetings, "/meetings", Json.createObjectBuilder().add("id", id)
                .add("kind", "WRITTEN_PROCEDURE").add("title", "Written procedure: Guidance Note on Article 18")
                .add("venue", "written procedure").add("startsOn", "2017-02-01").add("endsOn", "2017-02-28").build());
        String item = post("agenda " + id, meetings, "/meetings/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "Guidance Note on Article 18 T-CY(2015)16").build()).getString("itemId");
        post("open " + id, meetings, "/meetings/" + id + "/open", Json.createObjectBuilder().build());
        decide(id, item, "2017-02-28", "ADOPT_GUIDANCE_NOTE", "gn-article-18", 1,
                "Adopted by written procedure on 2017-02-28");
        post("close " + id, meetings, "/meetings/" + id + "/close", Json.createObjectBuilder().build());
    }

    private static void decide(String meeting, String item, String on, String kind, String subject, Integer version,
                               String text) throws Exception {
        JsonObjectBuilder decision = Json.createObjectBuilder().add("agendaItemId", item).add("kind", kind)
                .add("subject", subject).add("text", text).add("vote", Json.createObjectBuilder().add("mode", "CONSENSUS"))
                .add("adoptedOn", on);
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

    private static JsonObject post(String what, String base, String path, JsonObject body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey(what))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
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
}
