package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Figure 2: the time from a command's answer to its event in the read model, at a steady rate. */
final class CommandToReadModel extends BenchContext {

    CommandToReadModel(BenchContext run) {
        super(run);
    }

    void commandToReadModel(double maximum) throws InterruptedException {
        double rate = Math.max(1, maximum / 2);
        Latencies visible = new Latencies();
        Latencies commands = new Latencies();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        long period = (long) (1e9 / rate);
        var ticking = clock.scheduleAtFixedRate(() -> workers.submit(() -> {
            String id = "R" + runId + "-" + ids.incrementAndGet();
            try {
                long start = System.nanoTime();
                Rest.Answer answer = secretariat.post(url("membership") + "/members", "{\"id\":\"" + id
                        + "\",\"name\":\"Bench organisation " + id + "\",\"kind\":\"ORGANISATION\",\"councilOfEuropeMember\":false}");
                long acknowledged = System.nanoTime();
                if (answer.status() != 201) {
                    commands.failed();
                    return;
                }
                commands.add(acknowledged - start);
                Rest.Answer read = observer.get(url("projection") + "/members/" + id + "?after=" + answer.eventId()
                                                + "&asOf=2100-01-01");
                if (read.status() == 200) {
                    visible.add(System.nanoTime() - acknowledged);
                } else {
                    visible.failed();
                }
            } catch (RuntimeException e) {
                visible.failed();
            }
        }), 0, period, TimeUnit.NANOSECONDS);
        Thread.sleep(options.readWindow().toMillis());
        ticking.cancel(false);
        clock.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        report.section("2. Command to read model", "At a steady " + number(rate) + " commands/s (half the maximum of "
                + "figure 1) for " + options.readWindow().toSeconds() + " s: the time from the command's 201 to the "
                + "projection answering `GET /members/{id}?after=<eventId>` (it waits until its register applied "
                + "the event).");
        report.table(List.of("commands", "p50 ms", "p99 ms", "max ms", "not visible", "command p50 ms", "command p99 ms"),
                List.of(List.of(Integer.toString(visible.count()), number(visible.p50()), number(visible.p99()),
                        number(visible.max()), Long.toString(visible.failures() + commands.failures()),
                        number(commands.p50()), number(commands.p99()))));
        report.raw("commandToReadModel", Map.of("rate", rate, "count", visible.count(), "p50Ms", visible.p50(),
                "p99Ms", visible.p99(), "maxMs", visible.max(), "failures", visible.failures() + commands.failures()));
        report.target("2. command → read model p99 at half load", "≤ 250 ms", number(visible.p99()) + " ms",
                visible.p99() <= 250);
    }
}
