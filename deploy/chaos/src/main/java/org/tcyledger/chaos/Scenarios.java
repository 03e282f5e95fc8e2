package org.tcyledger.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.tcyledger.chaos.Clients.FaultWindow;
import org.tcyledger.chaos.Workload.Command;
import org.tcyledger.testing.Tokens;

/**
 * The scenarios: each on a stack of its own (so that what one breaks cannot be blamed on another), load from several
 * clients, a fault in the middle of it, then the checks.
 */
final class Scenarios {

    /** A fault done in the middle of the load; it may add its own findings. */
    private interface Fault {
        void happen(Stack stack, List<String> problems, List<String> notes) throws Exception;
    }

    private final Options options;
    private final Tokens tokens = Tokens.forTests();
    /** What a fault itself had acknowledged (the stalled writer's command): checked with the load's commands. */
    private final List<Clients.Ack> stalledAcks = java.util.Collections.synchronizedList(new ArrayList<>());

    Scenarios(Options options) {
        this.options = options;
    }

    Outcome run(String scenario) {
        Instant began = Instant.now();
        System.out.println("chaos: " + scenario + " ...");
        Map<String, String> config = scenario.equals("stalled-writer")
                ? Map.of("tcy.axon.gap-timeout-ms", "3000") : Map.of();
        Path logs = options.out().resolve("logs").resolve(scenario);
        try (Stack stack = Stack.start(tokens, config, logs)) {
            Outcome outcome = switch (scenario) {
                case "kafka-kill" -> underLoad(scenario, stack, (s, p, n) -> Faults.killKafka(s, Duration.ofSeconds(5)));
                case "projection-kill" -> underLoad(scenario, stack,
                        (s, p, n) -> Faults.killProjection(s, Duration.ofSeconds(2)));
                case "postgres-restart" -> underLoad(scenario, stack,
                        (s, p, n) -> Faults.restartPostgres(s, Duration.ofSeconds(3)));
                case "two-instances" -> twoInstances(stack);
                case "race-one-aggregate" -> race(stack);
                case "stalled-writer" -> underLoad(scenario, stack, this::stallWriter);
                case "bad-input" -> new BadInput(options, stack).run(began);
                default -> throw new IllegalArgumentException(scenario);
            };
            return new Outcome(outcome.scenario(), outcome.acknowledged(), outcome.lost(), outcome.appliedTwice(),
                    outcome.serverErrors(), outcome.parked(), outcome.catchUp(), outcome.problems(), outcome.notes(),
                    Duration.between(began, Instant.now()));
        } catch (Exception e) {
            e.printStackTrace();
            return Outcome.broken(scenario, e, Duration.between(began, Instant.now()));
        }
    }

    /** The common shape: load for the window, the fault a third of the way in, then every check. */
    private Outcome underLoad(String scenario, Stack stack, Fault fault) throws Exception {
        Instant began = Instant.now();
        Workload workload = new Workload();
        FaultWindow window = new FaultWindow();
        Clients clients = new Clients(tokens.token("secretariat"), stack::anyUrl, window);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread faulting = new Thread(() -> {
            Faults.sleep(options.faultAt());
            window.begin();
            try {
                fault.happen(stack, problems, notes);
            } catch (Exception e) {
                failed.set(e);
            } finally {
                window.end();
            }
        }, "fault");
        faulting.start();
        clients.run(options.clients(), options.load(), workload::nextStory);
        faulting.join();
        if (failed.get() != null) {
            throw failed.get();
        }
        Clients.Tally tally = clients.tally();
        tally.acks.addAll(stalledAcks);  // a fault's own acknowledged command is checked like the load's
        stalledAcks.clear();
        Checker.Verdict verdict = new Checker(stack, options.catchUpLimit())
                .check(tally.acks, tally.abandonedCount.get(), window.endedAt(), 0);
        return Outcome.of(scenario, tally, verdict, problems, notes, Duration.between(began, Instant.now()));
    }

    /** Two instances of each write service and of the projection; the first of each killed midway. */
    private Outcome twoInstances(Stack stack) throws Exception {
        List<String> services = new ArrayList<>(Stack.WRITERS);
        services.add(Stack.PROJECTION);
        for (String name : services) {
            stack.start(name);
        }
        return underLoad("two-instances", stack, (s, p, n) -> {
            Faults.killFirstInstances(s, services);
            n.add("killed the first instance of " + services + " with SIGKILL; the second ones went on");
        });
    }

    /** 50 clients revising one guidance note at once: 409 for the losers is right, 5xx is not. */
    private Outcome race(Stack stack) throws Exception {
        Instant began = Instant.now();
        Workload workload = new Workload();
        FaultWindow noFault = new FaultWindow();
        Clients clients = new Clients(tokens.token("secretariat"), stack::anyUrl, noFault);
        String noteId = "gn-race-" + System.currentTimeMillis();
        if (!clients.send(workload.draftNote(noteId))) {
            throw new IllegalStateException("could not draft the note to race on: " + clients.tally().rejected);
        }
        clients.run(50, options.load(), () -> workload.raceOn(noteId));
        Clients.Tally tally = clients.tally();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long distinctSequences = tally.acks.stream().mapToLong(Clients.Ack::sequence).distinct().count();
        if (distinctSequences != tally.acks.size()) {
            problems.add("two acknowledged revisions answered with the same sequence");
        }
        notes.add("50 clients on " + noteId + ": " + tally.acks.size() + " revisions acknowledged, " + tally.conflicts.get()
                + " answered 409");
        Checker.Verdict verdict = new Checker(stack, options.catchUpLimit())
                .check(tally.acks, tally.abandonedCount.get(), Instant.now(), 0);
        return Outcome.of("race-one-aggregate", tally, verdict, problems, notes, Duration.between(began, Instant.now()));
    }

    /**
     * A membership command whose transaction stays open three gap timeouts after it took its global index, while
     * the other clients commit later ones; then it commits. Its event must still reach the topic.
     */
    private void stallWriter(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Workload workload = new Workload();
        Command stalled = workload.registerOrganisation();
        // the stalled command itself is answered 503 (its transaction cut at half the gap timeout) while the stall lasts,
        // and retried with its key: those answers are the fault's, not failures
        FaultWindow stall = new FaultWindow();
        Clients single = new Clients(tokens.token("secretariat"), stack::url, stall);
        Thread sending;
        try (Faults.StalledWriter writer = new Faults.StalledWriter(stack, "membership", stalled.key())) {
            stall.begin();
            sending = new Thread(() -> single.send(stalled), "stalled-command");
            sending.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!writer.blocking() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!writer.blocking()) {
                problems.add("the stalled command never waited on the held row: the scenario did not stall a writer");
            }
            writer.burnGlobalIndexes(stack, "membership", 300);
            notes.add("while the command was held: 300 global indexes taken and never used (as 300 rolled-back commands"
                      + " would), more than Axon's gap-cleaning threshold of 250");
            Thread.sleep(9_000);  // three gap timeouts of 3 s, while the other clients commit later global indexes
        }
        stall.end();
        sending.join(60_000);
        Clients.Tally tally = single.tally();
        if (tally.acks.isEmpty()) {
            problems.add("the stalled command was not acknowledged: " + tally.rejected + tally.abandoned);
            return;
        }
        Clients.Ack ack = tally.acks.get(0);
        try (Connection connection = stack.connect("membership");
             PreparedStatement select = connection.prepareStatement("SELECT global_index, (SELECT count(*) FROM "
                     + "domain_event_entry later WHERE later.global_index > e.global_index) FROM domain_event_entry e "
                     + "WHERE event_identifier = ?")) {
            select.setString(1, ack.eventId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    notes.add("stalled command " + stalled.describe() + " -> event " + ack.eventId() + " at global index "
                            + row.getLong(1) + ", " + row.getLong(2) + " events with higher indexes stored by then");
                }
            }
        }
        // the checker then requires this event on the topic and in the projection like every acknowledged one
        stalledAcks.add(ack);
    }

}
