package org.tcyledger.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcyledger.chaos.Workload.Command;

/**
 * The load: client threads each running stories of commands back to back. A command without an answer, or answered
 * 5xx (503 included), is sent again with the same Idempotency-Key until it is answered otherwise or its retry budget
 * runs out, so that it is acknowledged at most once in effect. What every command came to is tallied.
 */
final class Clients {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(90);

    /** A command answered 2xx: its event, as the answer named it. */
    record Ack(Command command, int status, String eventId, long sequence, Instant at, boolean publishedPending) {
    }

    /** An answer worth showing as evidence: the request, when, and what came back. */
    record Example(Command command, Instant at, String answer) {
        String describe() {
            return at + " " + command.describe() + " -> " + answer;
        }
    }

    /** Between {@code start} and {@code end} plus a grace, a fault is making parts of the stack unreachable. */
    static final class FaultWindow {
        private static final Duration GRACE = Duration.ofSeconds(5);
        private volatile Instant start = Instant.MAX;
        private volatile Instant end = Instant.MAX;

        void begin() {
            start = Instant.now();
        }

        void end() {
            end = Instant.now();
        }

        Instant endedAt() {
            return end;
        }

        boolean covers(Instant at) {
            return !at.isBefore(start) && (end == Instant.MAX || !at.isAfter(end.plus(GRACE)));
        }
    }

    /** What the commands came to. */
    static final class Tally {
        final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong sent = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong noAnswer = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        final AtomicLong serverErrorsDuringFault = new AtomicLong();
        final AtomicLong abandonedCount = new AtomicLong();
        final List<Example> serverErrorExamples = Collections.synchronizedList(new ArrayList<>());
        final List<Example> rejected = Collections.synchronizedList(new ArrayList<>());
        final List<Example> abandoned = Collections.synchronizedList(new ArrayList<>());
        /** A key answered 2xx twice with different events: the command was applied twice. */
        final List<Example> replayedDifferently = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, String> eventByKey = new ConcurrentHashMap<>();

        void keep(List<Example> list, Example example) {
            if (list.size() < 20) {
                list.add(example);
            }
        }
    }

    private final Http http = new Http(Duration.ofSeconds(30));
    private final String token;
    private final Function<String, String> urlOf;
    private final FaultWindow fault;
    private final Tally tally = new Tally();

    /** @param urlOf where a request to a service goes, asked again on every attempt (instances may come and go) */
    Clients(String token, Function<String, String> urlOf, FaultWindow fault) {
        this.token = token;
        this.urlOf = urlOf;
        this.fault = fault;
    }

    Tally tally() {
        return tally;
    }

    /** {@code threads} clients running stories until {@code window} has passed (the story under way finishes). */
    void run(int threads, Duration window, Supplier<List<Command>> stories) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    for (Command command : stories.get()) {
                        if (!send(command)) {
                            break;  // the rest of a story depends on this command
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(window.toSeconds() + RETRY_BUDGET.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    /** Sends one command until it is answered with something other than 5xx; true when it was acknowledged. */
    boolean send(Command command) {
        long giveUp = System.nanoTime() + RETRY_BUDGET.toNanos();
        long backoff = 100;
        tally.sent.incrementAndGet();
        while (true) {
            String url;
            try {
                url = urlOf.apply(command.service()) + command.path();
            } catch (IllegalStateException noInstance) {
                url = null;
            }
            Instant at = Instant.now();
            Http.Answer answer = url == null ? new Http.Answer(0, null, Map.of(), "no instance running")
                    : http.send(command.method(), url, token, command.body(), Map.of("Idempotency-Key", command.key()));
            if (answer.success()) {
                acknowledge(command, answer, at);
                return true;
            }
            if (answer.status() == 409) {
                tally.conflicts.incrementAndGet();
                return false;
            }
            if (answer.answered() && answer.status() < 500) {
                tally.keep(tally.rejected, new Example(command, at, answer.brief()));
                return false;
            }
            // during the fault: sent or answered while it lasted (a request sent just before it is cut by it)
            if (!answer.answered()) {
                tally.noAnswer.incrementAndGet();
            } else if (fault.covers(at) || fault.covers(Instant.now())) {
                tally.serverErrorsDuringFault.incrementAndGet();
            } else {
                tally.serverErrors.incrementAndGet();
                tally.keep(tally.serverErrorExamples, new Example(command, at, answer.brief()));
            }
            if (System.nanoTime() > giveUp) {
                tally.abandonedCount.incrementAndGet();
                tally.keep(tally.abandoned, new Example(command, at, answer.brief()));
                return false;
            }
            sleep(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    private void acknowledge(Command command, Http.Answer answer, Instant at) {
        Matcher id = EVENT_ID.matcher(answer.body());
        Matcher sequence = SEQUENCE.matcher(answer.body());
        if (!id.find()) {
            tally.keep(tally.rejected, new Example(command, at, "2xx without an eventId: " + answer.brief()));
            return;
        }
        String eventId = id.group(1);
        String earlier = tally.eventByKey.putIfAbsent(command.key(), eventId);
        if (earlier != null && !earlier.equals(eventId)) {
            tally.keep(tally.replayedDifferently, new Example(command, at, "first " + earlier + ", now " + answer.brief()));
        }
        tally.acks.add(new Ack(command, answer.status(), eventId, sequence.find() ? Long.parseLong(sequence.group(1)) : -1,
                at, answer.header("X-Tcy-Published").isPresent()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
