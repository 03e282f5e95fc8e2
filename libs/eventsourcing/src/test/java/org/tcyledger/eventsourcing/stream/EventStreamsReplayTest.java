package org.tcyledger.eventsourcing.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.stream.EventStreams.PointInTime;
import org.tcyledger.eventsourcing.stream.EventStreams.Recorded;

/** The one point-in-time replay every service's reads use: where it stops, and what it answers for no aggregate. */
class EventStreamsReplayTest {

    /** A stand-in aggregate's events: a counter that remembers the ids of the events it took. */
    private record Counted(String name) {
    }

    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    private static Recorded recorded(long sequence, Instant time, Object event) {
        return new Recorded(new EventEnvelope("e" + sequence, "/tcy/test", "tcy.test.Counted.v1", "agg-1", sequence,
                time, "secretariat", null, null, null, null, null, new byte[0]), event);
    }

    private static final List<Recorded> STREAM = List.of(
            recorded(0, NINE, new Counted("a")),
            recorded(1, NINE.plusSeconds(60), new Counted("b")),
            recorded(2, NINE.plusSeconds(120), new Counted("c")));

    private static Optional<String> replay(List<Recorded> stream, PointInTime at) {
        return EventStreams.replay(stream, Counted.class, "",
                (names, event, envelope) -> names + event.name() + envelope.sequence(), at);
    }

    @Test
    void everythingRecordedSoFarInSequenceOrder() {
        assertEquals(Optional.of("a0b1c2"), replay(STREAM, PointInTime.LATEST));
    }

    @Test
    void upToASequenceAndByARecordingTime() {
        assertEquals(Optional.of("a0b1"), replay(STREAM, new PointInTime(1L, null)));
        assertEquals(Optional.of("a0b1"), replay(STREAM, new PointInTime(null, NINE.plusSeconds(60))));
        assertEquals(Optional.of("a0"), replay(STREAM, new PointInTime(2L, NINE.plusSeconds(59))));
    }

    @Test
    void nothingRecordedByThenIsNoAggregate() {
        assertEquals(Optional.empty(), replay(List.of(), PointInTime.LATEST));
        assertEquals(Optional.empty(), replay(STREAM, new PointInTime(null, NINE.minusSeconds(1))));
    }

    @Test
    void aStreamOfAnotherKindOfAggregateIsNone() {
        assertEquals(Optional.empty(), replay(List.of(recorded(0, NINE, "a meeting's event")), PointInTime.LATEST));
    }
}
