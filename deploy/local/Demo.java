import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the real record of deploy/local/demo-data/tcy-history.json into a running local stack through the public
 * REST API, as the secretariat would. Every command carries an Idempotency-Key derived from the fact, so a second
 * run stores nothing new. Facts the record lacks (invitation and observer dates) are invented, and say so.
 *
 * Usage (deploy/local/demo does this): java -cp <testing classpath> Demo.java DATA MEMBERSHIP_URL TOKEN
 */
public class Demo {

    /** ISO codes of the acceding States of the record's accession cases. */
    private static final Map<String, String> CODES = Map.of("Australia", "AU", "Dominican Republic", "DO",
            "Mauritius", "MU", "Panama", "PA", "Sri Lanka", "LK", "Israel", "IL", "Senegal", "SN", "Chile", "CL",
            "Philippines", "PH");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String membership;
    private static String token;
    private static final Map<String, Integer> OUTCOMES = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        JsonObject history;
        try (var reader = Json.createReader(new FileReader(args[0]))) {
            history = reader.readObject();
        }
        membership = args[1];
        token = args[2];

        for (JsonValue value : history.getJsonArray("members")) {
            JsonObject member = value.asJsonObject();
            String id = member.getString("id");
            post("register " + id, "/members", Json.createObjectBuilder()
                    .add("id", id).add("name", member.getString("name")).add("kind", member.getString("kind"))
                    .add("councilOfEuropeMember", member.getBoolean("councilOfEuropeMember", false)).build());
            if (member.containsKey("ETS185")) {
                JsonObject ets185 = member.getJsonObject("ETS185");
                post("sign " + id, "/members/" + id + "/signatures", Json.createObjectBuilder()
                        .add("treaty", "ETS185").add("signedOn", ets185.getString("signedOn")).build());
                post("deposit " + id, "/members/" + id + "/instruments", Json.createObjectBuilder()
                        .add("treaty", "ETS185").add("kind", ets185.getString("instrument"))
                        .add("depositedOn", ets185.getString("depositedOn")).build());
            }
            if (member.getBoolean("observer", false)) {
                // invented: the record says these organisations are observers, not since when
                post("observer " + id, "/members/" + id + "/observer-status", Json.createObjectBuilder()
                        .add("grantedOn", "2006-03-20")
                        .add("reference", "invented: observer since T-CY 1 (2006-03-20); the record gives no date").build());
            }
        }
        for (JsonValue value : history.getJsonArray("accessionEntryIntoForceCases")) {
            JsonObject accession = value.asJsonObject();
            String name = accession.getString("state");
            String id = CODES.get(name);
            String depositedOn = accession.getString("depositedOn");
            post("register " + id, "/members", Json.createObjectBuilder()
                    .add("id", id).add("name", name).add("kind", "STATE").add("councilOfEuropeMember", false).build());
            String invitedOn = java.time.LocalDate.parse(depositedOn).minusYears(2).toString();
            post("invite " + id, "/members/" + id + "/invitations", Json.createObjectBuilder()
                    .add("invitedOn", invitedOn)
                    .add("reference", "invented: invitation two years before accession; the record gives no date").build());
            post("accede " + id, "/members/" + id + "/instruments", Json.createObjectBuilder()
                    .add("treaty", "ETS185").add("kind", "ACCESSION").add("depositedOn", depositedOn).build());
        }
        System.out.println("demo: " + OUTCOMES);
        System.out.println("demo: invented facts are marked 'invented' in their reference: observer dates of the "
                + "organisations, invitation dates of the acceding States");
        if (OUTCOMES.getOrDefault("failed", 0) > 0) {
            System.exit(1);
        }
    }

    private static void post(String what, String path, JsonObject body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(membership + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "demo-v1 " + what)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String outcome = switch (response.statusCode()) {
            case 200, 201 -> "answered";
            case 409 -> "already recorded";
            default -> "failed";
        };
        OUTCOMES.merge(outcome, 1, Integer::sum);
        if (outcome.equals("failed")) {
            System.err.println("demo: " + what + " failed: " + response.statusCode() + " " + response.body());
        }
    }
}
