package org.tcyledger.meetings.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventApplier;
import org.tcyledger.eventsourcing.consumer.EventApplier.Counts;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;
import org.tcyledger.testing.RealInfrastructure;

/**
 * The consumer's bookkeeping of libs/eventsourcing ({@link EventApplier}: {@code consumed_event},
 * {@code consumed_position}, {@code consumed_gap}) against the real PostgreSQL of a service that has consumers:
 * at least once in, exactly once in effect. Records are handed to the applier as a poll would return them (no
 * broker needed); a probe read model writes a row per event it is given, so that "applied" is what it wrote.
 * Each test has its own consumer group and aggregates.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class ExactlyOnceApplyTest {

    private static final String SOURCE = "/tcy/probe";
    private static final String TOPIC = "tcy.probe.v1";

    @Inject
    AgroalDataSource dataSource;

    private String group;
    private EventApplier applier;
    private long offset;

    /** A read model that writes one row per event it is given. */
    private record Probe(String group) implements TopicConsumer {
        @Override
        public List<String> topics() {
            return List.of(TOPIC);
        }

        @Override
        public void apply(EventEnvelope event, Writes writes) {
            writes.update("INSERT INTO exactly_once_probe (consumer_group, event_id, subject, sequence) "
                          + "VALUES (?, ?, ?, ?)", group, event.id(), event.subject(), event.sequence());
        }
    }

    @BeforeEach
    void probe() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS exactly_once_probe (serial BIGSERIAL PRIMARY KEY, "
                              + "consumer_group VARCHAR NOT NULL, event_id VARCHAR NOT NULL, subject VARCHAR NOT NULL, "
                              + "sequence BIGINT NOT NULL)");
        }
        group = "exactly-once-" + UUID.randomUUID();
        applier = EventApplier.live(new Probe(group), dataSource);
    }

    private static EventEnvelope event(String id, String subject, long sequence) {
        return new EventEnvelope(id, SOURCE, "tcy.probe.Step.v1", subject, sequence, Instant.parse("2026-01-05T10:00:00Z"),
                "secretariat", null, null, "prev-" + id, "hash-" + id, null, "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** As a poll returns it: each record at the next offset of partition 0, unless an offset is given. */
    private ConsumerRecord<String, CloudEvent> record(EventEnvelope event) {
        return new ConsumerRecord<>(TOPIC, 0, offset++, event.subject(), event.toCloudEvent());
    }

    private Counts apply(EventEnvelope... events) {
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            records.add(record(event));
        }
        return applier.apply(records);
    }

    /** What the read model was given, in the order it was given it: "subject#sequence". */
    private List<String> applied() throws SQLException {
        return strings("SELECT subject || '#' || sequence FROM exactly_once_probe WHERE consumer_group = ? ORDER BY serial",
                group);
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    @Test
    void aRecordDeliveredTwiceIsAppliedOnce() throws SQLException {
        EventEnvelope first = event("a-0", "A", 0);
        EventEnvelope second = event("a-1", "A", 1);
        assertEquals(new Counts(2, 0, 0, 0), apply(first, second));
        assertEquals(new Counts(0, 2, 0, 0), apply(first, second), "the poll redelivered after a crash before the commit of its offsets");
        assertEquals(new Counts(1, 1, 0, 0), apply(event("a-2", "A", 2), event("a-2", "A", 2)), "twice in one poll");
        assertEquals(List.of("A#0", "A#1", "A#2"), applied());
        assertEquals(List.of("3"), strings("SELECT count(*) FROM consumed_event WHERE consumer_group = ?", group));
        assertEquals(List.of("2"), strings("SELECT sequence FROM consumed_position WHERE consumer_group = ? AND subject = 'A'",
                group));
    }

    @Test
    void anEventIdAppliedBeforeIsSkippedWhereverItComesFrom() throws SQLException {
        assertEquals(new Counts(1, 0, 0, 0), apply(event("b-0", "B", 0)));
        // the same event again under another offset (a retried publisher batch) and even claiming the next sequence
        assertEquals(new Counts(0, 1, 0, 0), apply(event("b-0", "B", 1)));
        assertEquals(List.of("B#0"), applied());
        // a sequence at or below the aggregate's last one under a new id is not applied either
        assertEquals(new Counts(0, 1, 0, 0), apply(event("b-0-again", "B", 0)));
        assertEquals(new Counts(1, 0, 0, 0), apply(event("b-1", "B", 1)));
        assertEquals(List.of("B#0", "B#1"), applied());
    }

    @Test
    void anEventAfterAGapIsHeldBackUntilTheMissingOnesArrive() throws SQLException {
        assertEquals(new Counts(1, 0, 0, 0), apply(event("c-0", "C", 0)));
        assertEquals(new Counts(0, 0, 1, 0), apply(event("c-2", "C", 2)), "sequence 1 is missing");
        assertEquals(List.of("C#0"), applied());
        assertEquals(List.of(), strings("SELECT event_id FROM consumed_event WHERE consumer_group = ? AND event_id = 'c-2'",
                group), "held back, not recorded as consumed, so that its redelivery is applied");
        assertEquals(List.of("1|2|open"), strings("SELECT expected_sequence || '|' || received_sequence || '|' || "
                + "CASE WHEN healed_at IS NULL THEN 'open' ELSE 'healed' END FROM consumed_gap WHERE consumer_group = ?",
                group), "the gap is recorded");

        assertEquals(new Counts(2, 0, 0, 0), apply(event("c-1", "C", 1), event("c-2", "C", 2)));
        assertEquals(List.of("C#0", "C#1", "C#2"), applied());
        assertEquals(List.of("1|2|healed"), strings("SELECT expected_sequence || '|' || received_sequence || '|' || "
                + "CASE WHEN healed_at IS NULL THEN 'open' ELSE 'healed' END FROM consumed_gap WHERE consumer_group = ?",
                group));
    }

    @Test
    void withinOnePollAnEarlyEventWaitsForItsRedelivery() throws SQLException {
        // D#2 arrives before D#1 in one poll, then again after it (the publisher's retried batch)
        Counts counts = apply(event("d-0", "D", 0), event("d-2", "D", 2), event("d-1", "D", 1), event("d-2", "D", 2));
        assertEquals(new Counts(3, 0, 1, 0), counts);
        assertEquals(List.of("D#0", "D#1", "D#2"), applied());
        assertEquals(List.of("d-0", "d-1", "d-2"), strings(
                "SELECT event_id FROM consumed_event WHERE consumer_group = ? ORDER BY sequence", group));
    }

    @Test
    void eachConsumerGroupKeepsItsOwnBookkeeping() throws SQLException {
        EventEnvelope event = event("e-0", "E", 0);
        assertEquals(new Counts(1, 0, 0, 0), apply(event));
        String firstGroup = group;
        group = "exactly-once-" + UUID.randomUUID();
        applier = EventApplier.live(new Probe(group), dataSource);
        assertEquals(new Counts(1, 0, 0, 0), apply(event), "another read model of the same service applies it too");
        assertEquals(List.of("E#0"), applied());
        assertEquals(List.of("E#0"), strings("SELECT subject || '#' || sequence FROM exactly_once_probe "
                                             + "WHERE consumer_group = ?", firstGroup));
    }
}
