package org.tcyledger.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.wire.ChainCheckpoint;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.CheckpointSignature;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.MerkleHeads;
import org.tcyledger.contracts.wire.StreamHead;

/**
 * A source's whole record as its write service would publish it: hash-chained streams and, when asked, signed
 * checkpoints of the heads that moved (the same {@link ChainCheckpoint} a service's CheckpointWriter stores), for
 * tests of verifiers that must not depend on the service running.
 */
public final class SignedRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final EventCatalog catalog;
    private final CheckpointSignature.Signer signer;
    private final Map<String, PublishedStream> streams = new LinkedHashMap<>();
    private final Map<String, StreamHead> heads = new LinkedHashMap<>();
    private final Map<String, StreamHead> signed = new HashMap<>();
    private final List<EventEnvelope> events = new ArrayList<>();
    private StreamHead lastCheckpoint = new StreamHead(ChainCheckpoint.SUBJECT, -1, ChainHash.GENESIS);

    public SignedRecord(String service, EventCatalog catalog, CheckpointSignature.Signer signer) {
        this.service = service;
        this.catalog = catalog;
        this.signer = signer;
    }

    public String source() {
        return EventEnvelope.sourceOf(service);
    }

    /** The next event of {@code subject}'s stream. */
    public EventEnvelope append(String subject, Object event) {
        EventEnvelope envelope = streams.computeIfAbsent(subject, s -> new PublishedStream(catalog, source(), s))
                .next(event);
        heads.put(subject, new StreamHead(subject, envelope.sequence(), envelope.hash()));
        events.add(envelope);
        return envelope;
    }

    /** A checkpoint of every head that moved since the last one, signed by this record's key (or {@code by}). */
    public EventEnvelope checkpoint() {
        return checkpoint(signer);
    }

    public EventEnvelope checkpoint(CheckpointSignature.Signer by) {
        List<StreamHead> changed = heads.values().stream().filter(head -> !head.equals(signed.get(head.subject())))
                .toList();
        changed.forEach(head -> signed.put(head.subject(), head));
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChainCheckpoint checkpoint = new ChainCheckpoint(source(),
                signed.values().stream().mapToLong(head -> head.sequence() + 1).sum(),
                MerkleHeads.root(signed.values()), lastCheckpoint.hash(), ChainHash.rfc3339Micros(time), changed, null)
                .signedWith(by);
        try {
            byte[] data = JSON.writeValueAsBytes(checkpoint);
            String type = ChainCheckpoint.wireType(service);
            long sequence = lastCheckpoint.sequence() + 1;
            String hash = ChainHash.of(lastCheckpoint.hash(), type, ChainCheckpoint.SUBJECT, sequence, time,
                    "system/checkpoints", data);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source(), type,
                    ChainCheckpoint.SUBJECT, sequence, time, "system/checkpoints", null, null, lastCheckpoint.hash(),
                    hash, null, data);
            lastCheckpoint = new StreamHead(ChainCheckpoint.SUBJECT, sequence, hash);
            events.add(envelope);
            return envelope;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event and checkpoint in the order made. */
    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }
}
