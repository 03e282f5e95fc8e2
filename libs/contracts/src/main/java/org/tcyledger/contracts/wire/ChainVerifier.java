package org.tcyledger.contracts.wire;

import java.util.List;
import java.util.Optional;

/** Checks one aggregate's stream: sequences 0, 1, 2, … without a gap, each prevhash the hash before it, each hash right. */
public final class ChainVerifier {

    /** The first place where a stream stops being trustworthy. */
    public record Break(String subject, long sequence, String eventId, String reason) {
    }

    private ChainVerifier() {
    }

    public static Optional<Break> firstBreak(List<EventEnvelope> stream) {
        String expectedPrev = ChainHash.GENESIS;
        long expectedSequence = 0;
        for (EventEnvelope event : stream) {
            if (event.sequence() != expectedSequence) {
                return Optional.of(new Break(event.subject(), event.sequence(), event.id(),
                        "sequence " + event.sequence() + " where " + expectedSequence + " was expected"));
            }
            if (!expectedPrev.equals(event.prevhash())) {
                return Optional.of(new Break(event.subject(), event.sequence(), event.id(),
                        "prevhash does not match the hash of the previous event"));
            }
            if (!event.hashMatches()) {
                return Optional.of(new Break(event.subject(), event.sequence(), event.id(),
                        "hash does not match the event's content"));
            }
            expectedPrev = event.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }
}
