package org.tcyledger.contracts.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies the record of one source (a write service) from its events alone, wherever they were read: a topic, the
 * projection's audit log, the service's own event store. Every stream's hash chain must run from sequence 0 without a
 * gap; every checkpoint must carry a valid signature by a key of that source, follow the one before it, and its heads
 * must be in the record with the hashes it signed. What no checkpoint covers yet is counted, not trusted: a stream
 * that grew past its signed head before a checkpoint that should have included it is a break (an added event).
 * <p>
 * Give each stream's events in sequence order (a partition keeps them so, SQL sorts them); streams may interleave.
 * Memory: 40 bytes or so per event.
 */
public final class SourceAudit {

    /** What was verified, and every break found; {@code verified} when there is none. */
    public record Report(String source, long events, long streams, long checkpoints, long covered, long uncovered,
                         Instant lastCheckpoint, List<ChainVerifier.Break> breaks) {
        @com.fasterxml.jackson.annotation.JsonProperty("verified")
        public boolean verified() {
            return breaks.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String source;
    private final CheckpointKeys keys;
    private final Duration grace;
    private final Map<String, Chain> chains = new HashMap<>();
    private final List<Signed> checkpoints = new ArrayList<>();
    private final List<ChainVerifier.Break> breaks = new ArrayList<>();
    private long events;

    /**
     * @param grace how long a transaction that stores events can stay open: an event this much older than a checkpoint
     *              must be covered by it
     */
    public SourceAudit(String source, CheckpointKeys keys, Duration grace) {
        this.source = source;
        this.keys = keys;
        this.grace = grace;
    }

    public String source() {
        return source;
    }

    private record Signed(EventEnvelope event, ChainCheckpoint checkpoint) {
    }

    /** One stream as far as it verifies: the hash and time of each event in sequence order. */
    private static final class Chain {
        final List<byte[]> hashes = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        boolean broken;

        String lastHash() {
            return hashes.isEmpty() ? ChainHash.GENESIS : HexFormat.of().formatHex(hashes.getLast());
        }
    }

    public void add(EventEnvelope event) {
        Chain chain = chains.computeIfAbsent(event.subject(), subject -> new Chain());
        long verified = chain.hashes.size();
        if (event.sequence() < verified) {
            if (!HexFormat.of().formatHex(chain.hashes.get((int) event.sequence())).equals(event.hash())) {
                brokenAt(chain, event, "a second, different event at sequence " + event.sequence());
            }
            return; // the same event twice: a topic may carry a record again after a retried send
        }
        events++;
        if (chain.broken) {
            return;
        }
        if (event.sequence() != verified) {
            brokenAt(chain, event, "sequence " + event.sequence() + " where " + verified + " was expected");
        } else if (!chain.lastHash().equals(event.prevhash())) {
            brokenAt(chain, event, "prevhash does not match the hash of the previous event");
        } else if (!event.hashMatches()) {
            brokenAt(chain, event, "hash does not match the event's content");
        } else {
            chain.hashes.add(HexFormat.of().parseHex(event.hash()));
            chain.times.add(event.time().toEpochMilli());
            if (ChainCheckpoint.isCheckpoint(event.type()) && ChainCheckpoint.SUBJECT.equals(event.subject())) {
                read(event).ifPresent(checkpoint -> checkpoints.add(new Signed(event, checkpoint)));
            }
        }
    }

    private Optional<ChainCheckpoint> read(EventEnvelope event) {
        try {
            return Optional.of(JSON.readValue(event.data(), ChainCheckpoint.class));
        } catch (IOException e) {
            breaks.add(at(event, "checkpoint does not read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private void brokenAt(Chain chain, EventEnvelope event, String reason) {
        chain.broken = true;
        breaks.add(at(event, reason));
    }

    private static ChainVerifier.Break at(EventEnvelope event, String reason) {
        return new ChainVerifier.Break(event.subject(), event.sequence(), event.id(), reason);
    }

    public Report finish() {
        checkpoints.sort(Comparator.comparingLong(signed -> signed.event().sequence()));
        // in the Merkle leaves' order, so that each checkpoint's root is one pass over them, not a sort
        Map<String, StreamHead> heads = new TreeMap<>(MerkleHeads.SUBJECT_ORDER);
        String previous = ChainHash.GENESIS;
        Instant lastTime = null;
        for (Signed signed : checkpoints) {
            ChainCheckpoint checkpoint = signed.checkpoint();
            String name = "checkpoint " + signed.event().sequence();
            signature(signed).ifPresent(reason -> breaks.add(at(signed.event(), name + ": " + reason)));
            if (!source.equals(checkpoint.source())) {
                breaks.add(at(signed.event(), name + " speaks for " + checkpoint.source() + ", not " + source));
            }
            if (!previous.equals(checkpoint.previous())) {
                breaks.add(at(signed.event(), name + " does not follow the checkpoint before it"));
            }
            for (StreamHead head : checkpoint.changed() == null ? List.<StreamHead>of() : checkpoint.changed()) {
                StreamHead before = heads.put(head.subject(), head);
                if (before != null && before.sequence() >= head.sequence()) {
                    breaks.add(at(signed.event(), name + " moves the head of " + head.subject() + " back"));
                }
                covered(head, name);
            }
            try {
                if (!MerkleHeads.rootOfOrdered(heads.values()).equals(checkpoint.heads())) {
                    breaks.add(at(signed.event(), name + ": the heads it lists do not give the root it signed"));
                }
            } catch (IllegalArgumentException unencodable) {
                breaks.add(at(signed.event(), name + " lists subjects that have no Merkle root: " + unencodable.getMessage()));
            }
            long count = heads.values().stream().mapToLong(head -> head.sequence() + 1).sum();
            if (count != checkpoint.events()) {
                breaks.add(at(signed.event(), name + " signs " + checkpoint.events() + " events, its heads hold " + count));
            }
            previous = signed.event().hash();
            lastTime = Instant.parse(checkpoint.time());
        }
        long covered = heads.values().stream().mapToLong(head -> head.sequence() + 1).sum();
        if (lastTime != null) {
            added(heads, lastTime.minus(grace));
        }
        long checkpointEvents = chains.getOrDefault(ChainCheckpoint.SUBJECT, new Chain()).hashes.size();
        long streams = chains.keySet().stream().filter(subject -> !ChainCheckpoint.SUBJECT.equals(subject)).count();
        return new Report(source, events, streams, checkpoints.size(), covered,
                Math.max(0, events - checkpointEvents - covered), lastTime, List.copyOf(breaks));
    }

    private Optional<String> signature(Signed signed) {
        String jws = signed.checkpoint().signature();
        Optional<String> kid = CheckpointSignature.kidOf(jws == null ? "" : jws);
        if (kid.isEmpty()) {
            return Optional.of("the signature is not a detached EdDSA JWS");
        }
        if (!CheckpointKeys.belongsTo(kid.get(), source)) {
            return Optional.of("signed by " + kid.get() + ", which is not a key of " + source);
        }
        Optional<java.security.PublicKey> key = keys.find(kid.get());
        if (key.isEmpty()) {
            return Optional.of("no public key " + kid.get() + " among those given");
        }
        return CheckpointSignature.verifies(jws, signed.checkpoint().signedContent(), key.get())
                ? Optional.empty() : Optional.of("the signature does not verify");
    }

    /** A head a checkpoint signed must be in the record, with the hash it signed. */
    private void covered(StreamHead head, String checkpoint) {
        Chain chain = chains.get(head.subject());
        long verified = chain == null ? 0 : chain.hashes.size();
        if (chain != null && chain.broken && verified <= head.sequence()) {
            return; // the stream's own break is reported already
        }
        if (verified <= head.sequence()) {
            breaks.add(new ChainVerifier.Break(head.subject(), head.sequence(), null, checkpoint + " covers sequence "
                    + head.sequence() + ", the record has " + (verified == 0 ? "no event" : "only up to " + (verified - 1))
                    + " of this stream"));
        } else if (!HexFormat.of().formatHex(chain.hashes.get((int) head.sequence())).equals(head.hash())) {
            breaks.add(new ChainVerifier.Break(head.subject(), head.sequence(), null,
                    "the event differs from the one " + checkpoint + " signed"));
        }
    }

    /** Events stored well before the last checkpoint that it does not cover were added after it. */
    private void added(Map<String, StreamHead> heads, Instant coveredBefore) {
        chains.forEach((subject, chain) -> {
            if (ChainCheckpoint.SUBJECT.equals(subject)) {
                return;
            }
            StreamHead head = heads.get(subject);
            for (int sequence = head == null ? 0 : (int) head.sequence() + 1; sequence < chain.hashes.size(); sequence++) {
                if (chain.times.get(sequence) < coveredBefore.toEpochMilli()) {
                    breaks.add(new ChainVerifier.Break(subject, sequence, null, "stored before the last checkpoint "
                            + "but not covered by it: added after it was signed"));
                    return;
                }
            }
        });
    }
}
