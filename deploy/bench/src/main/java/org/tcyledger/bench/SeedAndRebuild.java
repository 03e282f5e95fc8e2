package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;
import static org.tcyledger.bench.Report.percent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Figure 4: a store seeded to a size, then every read model rebuilt from the topics (POST /audit/rebuild), beside Kafka's own consumer. */
final class SeedAndRebuild extends BenchContext {

    SeedAndRebuild(BenchContext run) {
        super(run);
    }

    /** Stores events through the write services until {@code size} are stored (see {@link Seed}). */
    void seed(long size) throws Exception {
        long missing = size - storedEvents();
        if (missing <= 0) {
            return;
        }
        Seed.Result result = new Seed(secretariat, url("membership"), url("meetings"), runId + "-" + size)
                .store(missing, 16);
        report.raw("seed" + size, Map.of("units", result.units(), "commands", result.commands(), "seconds",
                result.seconds(), "commandsPerSecond", result.commandsPerSecond(), "failedUnits", result.failedUnits()));
    }

    final List<List<String>> rebuildRows = new ArrayList<>();

    final List<Object> rebuildRaw = new ArrayList<>();

    void rebuild(long size) throws Exception {
        awaitProjectionCaughtUp(Duration.ofHours(2));
        long records;
        try (Admin admin = admin()) {
            records = endOffsets(admin, TOPICS);
        }
        double consumerBaseline = new KafkaTools(infrastructure.kafkaBootstrapServers(), options.out())
                .consumerRate("tcy\\..*", records);
        Rest.Answer accepted = auditor.post(url("projection") + "/audit/rebuild", "");
        if (accepted.status() != 202) {
            throw new IllegalStateException("rebuild not accepted: " + accepted.status() + " " + accepted.body());
        }
        String id = accepted.field("id");
        Rest.Answer status;
        long started = System.nanoTime();
        do {
            Thread.sleep(500);
            status = auditor.get(url("projection") + "/audit/rebuild/" + id);
        } while (status.field("state").equals("RUNNING"));
        double wall = (System.nanoTime() - started) / 1e9;
        double perSecond = Double.parseDouble(status.field("eventsPerSecond"));
        rebuildRows.add(List.of(number(storedEvents()), number(records), status.field("events"),
                status.field("applySeconds"), number(perSecond), status.field("compareSeconds"), number(wall),
                status.field("equal"), number(consumerBaseline), percent(perSecond / consumerBaseline)));
        rebuildRaw.add(Map.of("storedEvents", storedEvents(), "topicRecords", records, "wallSeconds", wall,
                "rawConsumerPerSecond", consumerBaseline, "report", new Report.RawJson(status.body())));
        report.raw("rebuild", rebuildRaw);
        if (size == options.sizes().get(options.sizes().size() - 1)) {
            report.section("4. Rebuild (POST /audit/rebuild)", "Every read model of the projection rebuilt from "
                    + "offset 0 into fresh tables, compared with the live ones at the same offsets (a fingerprint of each "
                    + "table's rows: their count and two sums of 64-bit row hashes; row for row only where they differ) "
                    + "and switched in. "
                    + "Events are records applied summed over the read models (the audit log reads all four topics, "
                    + "the register one, ...). Baseline: Kafka's ConsumerPerformance reading the same four topics once.");
            report.table(List.of("stored events", "topic records", "records applied", "apply s", "records/s",
                    "compare s", "wall s", "equal", "raw consumer/s", "ratio"), rebuildRows);
            report.target("4. rebuild records/s at " + number(size) + " events", "≥ 20,000/s", number(perSecond),
                    perSecond >= 20_000);
            report.target("4. rebuild vs raw consumer", "≥ 50%", percent(perSecond / consumerBaseline),
                    perSecond / consumerBaseline >= 0.50);
        }
    }
}
