package org.tcyledger.bench;

import static org.tcyledger.bench.Report.number;
import static org.tcyledger.bench.Report.percent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;

/** Figure 3: the publisher republishing the store and the projection consuming it, beside Kafka's producer and consumer performance tools. */
final class PublishAndConsume extends BenchContext {

    PublishAndConsume(BenchContext run) {
        super(run);
    }

    /** The membership publisher's token is reset: it publishes every stored event again (consumers skip them). */
    void publisher() throws Exception {
        long events;
        int averageSize;
        try (Connection connection = database(databaseOf("membership")); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*), avg(octet_length(payload)) FROM domain_event_entry")) {
            row.next();
            events = row.getLong(1);
            averageSize = (int) row.getDouble(2) + 350; // CloudEvents attributes travel as headers
        }
        running.remove("membership").close();
        try (Connection connection = database(databaseOf("membership")); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM token_entry WHERE processor_name = 'kafka-publisher'");
        }
        double perSecond;
        try (Admin admin = admin()) {
            long before = endOffsets(admin, List.of("tcy.membership.v1"));
            start("membership");
            long first = 0;
            long now;
            long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
            long firstOffset = before;
            while ((now = endOffsets(admin, List.of("tcy.membership.v1"))) < before + events) {
                if (first == 0 && now > before) {
                    first = System.nanoTime();
                    firstOffset = now;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the publisher did not republish in an hour");
                }
                Thread.sleep(20);
            }
            long done = System.nanoTime();
            perSecond = first == 0 ? Double.NaN : (before + events - firstOffset) / ((done - first) / 1e9);
            admin.createTopics(List.of(new NewTopic("bench.producer-performance", 6, (short) 1))).all().get();
        }
        double baseline = new KafkaTools(infrastructure.kafkaBootstrapServers(), options.out())
                .producerRate("bench.producer-performance", events, averageSize);
        report.section("3. Publishing and consuming", "Publisher: membership's publisher token reset, so that it "
                + "publishes all " + number(events) + " stored events again (batches of up to 1,000 per transaction, flushed "
                + "and acknowledged before its token moves). Baseline: Kafka's ProducerPerformance with the same "
                + "durability (acks=all, idempotent) and record size (" + averageSize + " bytes) on the same broker.");
        report.table(List.of("path", "events/s", "Kafka tool/s", "ratio"), List.of(List.of("event store → Kafka",
                number(perSecond), number(baseline), percent(perSecond / baseline))));
        report.raw("publisher", Map.of("events", events, "eventsPerSecond", perSecond, "producerPerformance", baseline,
                "recordSize", averageSize));
    }

    /**
     * Deletes the groups once the broker has let go of their members. A stopped projection leaves its groups as it
     * stops; one that had to be killed stays a member until its session times out (45 s).
     */
    private static void deleteWhenEmpty(Admin admin, List<String> groups) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (String group : groups) {
            while (true) {
                try {
                    admin.deleteConsumerGroups(List.of(group)).all().get();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    /** A projection with an empty database and no committed offsets reads every topic from the start. */
    void projectionConsumer() throws Exception {
        running.remove("projection").close();
        try (Connection connection = database("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS tcy_projection");
        }
        long records;
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .filter(group -> group.startsWith("projection-")).toList();
            deleteWhenEmpty(admin, groups);
            records = endOffsets(admin, TOPICS);
        }
        double baseline = new KafkaTools(infrastructure.kafkaBootstrapServers(), options.out())
                .consumerRate("tcy\\..*", records);
        start("projection");
        awaitProjectionCaughtUp(Duration.ofHours(2));
        double perSecond;
        long applied;
        // each poll's records are applied in one transaction, consumed_at being its start: first to last transaction
        try (Connection connection = database(databaseOf("projection")); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*), extract(epoch FROM max(consumed_at) - "
                     + "min(consumed_at)) FROM consumed_event")) {
            row.next();
            applied = row.getLong(1);
            perSecond = applied / Math.max(row.getDouble(2), 1e-3);
        }
        report.table(List.of("path", "records/s", "Kafka tool/s", "ratio"), List.of(List.of(
                "Kafka → read models (fresh projection, 6 consumer groups)", number(perSecond), number(baseline),
                percent(perSecond / baseline))));
        report.raw("projectionConsumer", Map.of("records", applied, "recordsPerSecond", perSecond,
                "consumerPerformance", baseline));
    }
}
