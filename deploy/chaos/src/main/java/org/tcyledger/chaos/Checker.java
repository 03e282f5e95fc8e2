package org.tcyledger.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcyledger.chaos.Clients.Ack;
import org.tcyledger.chaos.TopicReader.Carried;

/**
 * What every scenario must leave behind, checked from the stores and the topics rather than from what the services
 * say about themselves: each acknowledged command's event stored exactly once; every stored event on its topic, each
 * aggregate's in sequence order; every consumer caught up; the read models equal to a rebuild from offset 0; the
 * chains verified; nothing parked that the scenario did not mean to park.
 */
final class Checker {

    static final Map<String, String> TOPICS = Map.of("membership", "tcy.membership.v1", "meetings", "tcy.meetings.v1",
            "assessments", "tcy.assessments.v1", "cloud-evidence", "tcy.cloud-evidence.v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the checks found; {@code problems} empty means the scenario passed them. */
    record Verdict(int acknowledged, int lost, int appliedTwice, String parked, Duration catchUp, List<String> problems,
                   List<String> notes) {
    }

    /** One event as its service stored it. */
    record Stored(String service, String eventId, String aggregate, long sequence, long globalIndex) {
    }

    private final Stack stack;
    private final Http http = new Http(Duration.ofSeconds(60));
    private final String auditor;
    private final Duration catchUpLimit;

    Checker(Stack stack, Duration catchUpLimit) {
        this.stack = stack;
        this.auditor = stack.tokens().token("auditor");
        this.catchUpLimit = catchUpLimit;
    }

    /**
     * @param acks          the commands acknowledged 2xx
     * @param unsettled     commands sent but never answered other than 5xx or not at all (they may or may not be stored)
     * @param faultEnded    when the fault ended: catching up is timed from there
     * @param parkedAllowed how many parked records the scenario means to cause
     */
    Verdict check(List<Ack> acks, long unsettled, Instant faultEnded, int parkedAllowed) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Stored> stored = storedEvents();

        // 1. every acknowledged command's event is in its service's store, once, and no command stored twice
        Set<String> lost = new HashSet<>();
        Set<String> named = new HashSet<>();
        Map<String, String> keyOfEvent = new HashMap<>();
        for (Ack ack : acks) {
            Stored event = stored.get(ack.eventId());
            if (event == null || !event.service().equals(ack.command().service())) {
                lost.add(ack.eventId());
                example(problems, "acknowledged but not stored: " + ack.command().describe() + " answered eventId "
                        + ack.eventId());
            }
            String otherKey = keyOfEvent.putIfAbsent(ack.eventId(), ack.command().key());
            if (otherKey != null && !otherKey.equals(ack.command().key())) {
                example(problems, "two commands answered with one event " + ack.eventId() + ": keys " + otherKey
                        + " and " + ack.command().key());
            }
            named.add(ack.eventId());
        }
        Set<String> aggregates = new HashSet<>();
        acks.forEach(ack -> aggregates.add(ack.command().service() + " " + ack.command().aggregate()));
        List<Stored> unnamed = stored.values().stream()
                .filter(e -> aggregates.contains(e.service() + " " + e.aggregate()) && !named.contains(e.eventId()))
                .toList();
        int appliedTwice = (int) Math.max(0, unnamed.size() - unsettled);
        if (appliedTwice > 0) {
            example(problems, appliedTwice + " events stored that no acknowledged command names, beyond the " + unsettled
                    + " commands left unanswered: e.g. " + unnamed.subList(0, Math.min(3, unnamed.size())));
        } else if (!unnamed.isEmpty()) {
            notes.add(unnamed.size() + " stored events of unanswered commands (a command's answer was lost, its event kept)");
        }

        // 2. every consumer has applied every acknowledged event
        CatchUp caughtUp = awaitConsumers(acks, problems);
        // an event not stored is already lost; one stored but never applied is lost to the readers
        Duration catchUp = caughtUp.at() == null ? null : Duration.between(
                faultEnded == null || faultEnded.isAfter(caughtUp.at()) ? caughtUp.at() : faultEnded, caughtUp.at());
        lost.addAll(caughtUp.neverApplied());

        // 3. every stored event is on its topic, each aggregate's in sequence order
        checkTopics(stored, problems);

        // 4. read models equal to a rebuild from offset 0, chains verified, nothing parked unexpectedly
        rebuild(problems, notes);
        verify(problems);
        String parked = parked(parkedAllowed, problems, notes);
        return new Verdict(acks.size(), lost.size(), appliedTwice, parked, catchUp, problems, notes);
    }

    private static void example(List<String> problems, String problem) {
        long similar = problems.stream().filter(p -> p.startsWith(problem.substring(0, Math.min(25, problem.length()))))
                .count();
        if (similar < 5) {
            problems.add(problem);
        }
    }

    /** Every event in the four write services' stores, by event id. */
    Map<String, Stored> storedEvents() throws SQLException {
        Map<String, Stored> events = new HashMap<>();
        for (String service : Stack.WRITERS) {
            try (Connection connection = stack.connect(service);
                 PreparedStatement select = connection.prepareStatement("SELECT event_identifier, "
                         + "aggregate_identifier, sequence_number, global_index FROM domain_event_entry");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.put(row.getString(1), new Stored(service, row.getString(1), row.getString(2), row.getLong(3),
                            row.getLong(4)));
                }
            }
        }
        return events;
    }

    /** Rows in each write service's event store. */
    Map<String, Long> storedCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String service : Stack.WRITERS) {
            try (Connection connection = stack.connect(service);
                 ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
                row.next();
                counts.put(service, row.getLong(1));
            }
        }
        return counts;
    }

    /** When every consumer had applied every acknowledged event (null: not in time), and how many it never applied. */
    private record CatchUp(Instant at, Set<String> neverApplied) {
    }

    /**
     * Waits until every consumer group, in every service's database, has applied every acknowledged event of each
     * source it consumes (a group that applied any event of a source consumes that source).
     */
    private CatchUp awaitConsumers(List<Ack> acks, List<String> problems) throws Exception {
        Map<String, Set<String>> expectedBySource = new HashMap<>();
        for (Ack ack : acks) {
            expectedBySource.computeIfAbsent("/tcy/" + ack.command().service(), s -> new HashSet<>()).add(ack.eventId());
        }
        long deadline = System.nanoTime() + catchUpLimit.toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            missing = notYetApplied(expectedBySource);
            if (missing.isEmpty()) {
                return new CatchUp(Instant.now(), Set.of());
            }
            Thread.sleep(250);
        }
        // lost: each acknowledged event some consumer never applied, counted once however many consumers missed it
        Set<String> neverApplied = new HashSet<>();
        missing.forEach(pair -> neverApplied.add(pair.substring(pair.lastIndexOf(' ') + 1)));
        problems.add("not applied after " + catchUpLimit.toSeconds() + " s: " + neverApplied.size() + " acknowledged events ("
                + missing.size() + " group/event pairs), e.g. "
                + missing.subList(0, Math.min(5, missing.size())));
        return new CatchUp(null, neverApplied);
    }

    private List<String> notYetApplied(Map<String, Set<String>> expectedBySource) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> databases = new ArrayList<>(Stack.WRITERS);
        databases.add(Stack.PROJECTION);
        for (String service : databases) {
            Map<String, Set<String>> appliedByGroupAndSource = new HashMap<>();
            try (Connection connection = stack.connect(service)) {
                if (!hasTable(connection, "consumed_event")) {
                    continue;
                }
                try (ResultSet row = connection.createStatement().executeQuery(
                        "SELECT consumer_group, source, event_id FROM consumed_event")) {
                    while (row.next()) {
                        appliedByGroupAndSource.computeIfAbsent(row.getString(1) + "|" + row.getString(2),
                                k -> new HashSet<>()).add(row.getString(3));
                    }
                }
            }
            for (Map.Entry<String, Set<String>> group : appliedByGroupAndSource.entrySet()) {
                String source = group.getKey().substring(group.getKey().indexOf('|') + 1);
                for (String eventId : expectedBySource.getOrDefault(source, Set.of())) {
                    if (!group.getValue().contains(eventId)) {
                        missing.add(service + "/" + group.getKey().replace('|', ' ') + " " + eventId);
                    }
                }
            }
            // the projection's audit log consumes every topic: it must hold every acknowledged event, from the start
            if (service.equals(Stack.PROJECTION)) {
                Set<String> audit = new HashSet<>();
                appliedByGroupAndSource.forEach((key, ids) -> {
                    if (key.startsWith("projection-audit|")) {
                        audit.addAll(ids);
                    }
                });
                expectedBySource.values().forEach(ids -> ids.stream().filter(id -> !audit.contains(id))
                        .forEach(id -> missing.add("projection/projection-audit " + id)));
            }
        }
        return missing.stream().distinct().toList();
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet row = connection.getMetaData().getTables(null, null, table, null)) {
            return row.next();
        }
    }

    /** Every stored event on its service's topic (duplicates allowed), each aggregate's first copies in sequence order. */
    private void checkTopics(Map<String, Stored> stored, List<String> problems) throws Exception {
        TopicReader reader = new TopicReader(stack.infrastructure().kafkaBootstrapServers());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Carried> firstCopy = new HashMap<>();
            List<String> disorder = new ArrayList<>();
            for (String service : Stack.WRITERS) {
                Map<String, Long> highest = new HashMap<>();
                for (Carried record : reader.readAll(TOPICS.get(service))) {
                    if (firstCopy.putIfAbsent(record.eventId(), record) != null) {
                        continue;  // a duplicate: allowed
                    }
                    long before = highest.getOrDefault(record.subject(), -1L);
                    if (record.sequence() != before + 1) {
                        disorder.add(record.topic() + " partition " + record.partition() + " offset " + record.offset()
                                + ": " + record.subject() + " sequence " + record.sequence() + " after " + before);
                    }
                    highest.put(record.subject(), Math.max(before, record.sequence()));
                }
            }
            List<Stored> missing = stored.values().stream().filter(e -> !firstCopy.containsKey(e.eventId()))
                    .sorted(java.util.Comparator.comparingLong(Stored::globalIndex)).toList();
            if ((missing.isEmpty() && disorder.isEmpty()) || System.nanoTime() > deadline) {
                if (!missing.isEmpty()) {
                    problems.add(missing.size() + " stored events not on their topic after 30 s more, e.g. "
                            + missing.subList(0, Math.min(5, missing.size())));
                }
                if (!disorder.isEmpty()) {
                    problems.add(disorder.size() + " records out of sequence order on the topics, e.g. "
                            + disorder.subList(0, Math.min(5, disorder.size())));
                }
                return;
            }
            Thread.sleep(3000);
        }
    }

    /** POST /audit/rebuild, then its Location until DONE or FAILED: the rebuilt read models must equal the live ones. */
    private void rebuild(List<String> problems, List<String> notes) throws InterruptedException {
        String base = stack.url(Stack.PROJECTION);
        Http.Answer started = http.post(base + "/audit/rebuild", auditor, null);
        if (started.status() != 202) {
            problems.add("POST /audit/rebuild answered " + started.brief());
            return;
        }
        String location = started.header("Location").orElse(null);
        if (location == null) {
            problems.add("POST /audit/rebuild answered 202 without a Location");
            return;
        }
        String url = location.startsWith("http") ? location : base + location;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Answer progress = http.get(url, auditor);
            JsonNode report = json(progress);
            String state = report == null ? "?" : report.path("state").asText();
            if (state.equals("DONE")) {
                if (!report.path("equal").asBoolean()) {
                    problems.add("rebuild unequal: " + abbreviate(report.path("differences").toString()));
                } else {
                    notes.add("rebuild equal (" + report.path("events").asLong() + " events)");
                }
                return;
            }
            if (state.equals("FAILED") || !progress.success()) {
                problems.add("rebuild " + state + ": " + progress.brief());
                return;
            }
            Thread.sleep(500);
        }
        problems.add("rebuild not finished after 5 minutes");
    }

    private void verify(List<String> problems) {
        Http.Answer answer = http.get(stack.url(Stack.PROJECTION) + "/audit/verify", auditor);
        JsonNode verification = json(answer);
        if (verification == null || !verification.path("verified").asBoolean()) {
            problems.add("GET /audit/verify: " + answer.brief());
        }
    }

    /** GET /audit/parked; until main adds it, a 404 counts as nothing parked, and the report says the endpoint is missing. */
    private String parked(int allowed, List<String> problems, List<String> notes) {
        Http.Answer answer = http.get(stack.url(Stack.PROJECTION) + "/audit/parked", auditor);
        if (answer.status() == 404) {
            notes.add("GET /audit/parked answered 404: counted as 0 parked (endpoint missing)");
            return "0 (endpoint missing)";
        }
        JsonNode parked = json(answer);
        if (parked == null || !parked.isArray()) {
            problems.add("GET /audit/parked: " + answer.brief());
            return "?";
        }
        if (parked.size() > allowed) {
            problems.add(parked.size() + " parked (" + allowed + " meant): " + abbreviate(parked.toString()));
        }
        return Integer.toString(parked.size());
    }

    static JsonNode json(Http.Answer answer) {
        if (!answer.success() || answer.body() == null) {
            return null;
        }
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
