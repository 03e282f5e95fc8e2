package org.tcyledger.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores events through the write services, as the secretariat would: per unit an organisation registered and granted
 * observer status (membership), a meeting scheduled with two agenda items (meetings): five events of four types. The
 * bench seeds its store with it; run alone it loads a running stack (the local one by default):
 * <pre>deploy/bench/seed 100000 [membershipUrl meetingsUrl]</pre>
 */
final class Seed {

    record Result(long units, long commands, double seconds, long failedUnits) {
        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private final Rest secretariat;
    private final String membership;
    private final String meetings;
    private final String prefix;

    Seed(Rest secretariat, String membership, String meetings, String prefix) {
        this.secretariat = secretariat;
        this.membership = membership;
        this.meetings = meetings;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Seed events [membershipUrl meetingsUrl] (token in TCY_TOKEN)");
        }
        String token = System.getenv("TCY_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("TCY_TOKEN must hold a secretariat token");
        }
        String prefix = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        new Seed(new Rest(token), args.length > 1 ? args[1] : "http://127.0.0.1:8081",
                args.length > 2 ? args[2] : "http://127.0.0.1:8082", prefix).store(Long.parseLong(args[0]), 16);
        System.exit(0);
    }

    /** At least {@code events} more events, by {@code clients} concurrent clients. */
    Result store(long events, int clients) throws InterruptedException {
        // the document the seeded agenda items table: registered once (201), or already (409 id-unique)
        Rest.Answer document = secretariat.post(meetings + "/documents", "{\"symbol\":\"T-CY(2020)1\",\"title\":"
                + "\"Seeded work plan\",\"kind\":\"WORK_PLAN\",\"datedOn\":\"2020-01-06\",\"languages\":[\"en\"],"
                + "\"access\":\"PUBLIC\"}");
        if (document.status() != 201 && document.status() != 409) {
            throw new IllegalStateException("cannot register the seeded document: " + document.status());
        }
        long units = (events + 4) / 5;
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        Latencies unitLatencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                long unit;
                while ((unit = next.incrementAndGet()) <= units) {
                    long start = System.nanoTime();
                    try {
                        storeUnit(unit);
                        unitLatencies.add(System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        unitLatencies.failed();
                        if (unitLatencies.failures() < 5) {
                            System.err.println("seed: unit " + unit + " failed: " + e.getMessage());
                        }
                    }
                    if (unit % 5000 == 0) {
                        System.out.printf("seed: %d of %d units, %.0f s%n", unit, units, (System.nanoTime() - started) / 1e9);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(6, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Result result = new Result(units, units * 5, seconds, unitLatencies.failures());
        System.out.printf("seed: %d commands in %.0f s (%.0f/s), %d units failed%n", result.commands(), seconds,
                result.commandsPerSecond(), result.failedUnits());
        return result;
    }

    private void storeUnit(long unit) {
        String member = "S" + prefix + "-" + unit; // unique across runs and store sizes
        expect201(secretariat.post(membership + "/members", "{\"id\":\"" + member + "\",\"name\":\"Seeded organisation "
                + unit + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}"));
        expect201(secretariat.post(membership + "/members/" + member + "/observer-status", "{\"grantedOn\":\"2013-06-04\"}"));
        String meeting = "M" + prefix + "-" + unit;
        expect201(secretariat.post(meetings + "/meetings", "{\"id\":\"" + meeting + "\",\"kind\":\"BUREAU\",\"title\":"
                + "\"Seeded bureau " + unit + "\",\"venue\":\"Strasbourg\",\"startsOn\":\"2020-01-06\",\"endsOn\":\"2020-01-07\"}"));
        for (String item : List.of("Opening", "Work plan")) {
            expect201(secretariat.post(meetings + "/meetings/" + meeting + "/agenda-items",
                    "{\"title\":\"" + item + "\",\"documentSymbols\":[\"T-CY(2020)1\"]}"));
        }
    }

    private static void expect201(Rest.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException(answer.status() + " " + answer.body());
        }
    }
}
