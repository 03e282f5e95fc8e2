package org.tcyledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.CheckpointKeys;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.testing.CheckpointKeyFiles;
import org.tcyledger.testing.SignedRecord;

/** Each way of tampering with a source's record, and the break the verifier reports for it. */
class SourceAuditTest {

    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class);
    private static final CheckpointKeyFiles KEYS = CheckpointKeyFiles.forTests();

    private List<EventEnvelope> record;
    private EventEnvelope lastOfT11;

    /** Two meetings, a checkpoint, one more event of each, a second checkpoint, and a tail no checkpoint covers yet. */
    @BeforeEach
    void aSignedRecord() {
        SignedRecord meetings = new SignedRecord("meetings", MEETINGS, KEYS.signer("meetings"));
        meetings.append("T-CY-10", new MeetingEvent.MeetingOpened("T-CY-10"));
        meetings.append("T-CY-11", new MeetingEvent.MeetingOpened("T-CY-11"));
        meetings.checkpoint();
        meetings.append("T-CY-10", new MeetingEvent.MeetingClosed("T-CY-10"));
        lastOfT11 = meetings.append("T-CY-11", new MeetingEvent.MeetingClosed("T-CY-11"));
        meetings.checkpoint();
        meetings.append("T-CY-12", new MeetingEvent.MeetingOpened("T-CY-12"));
        record = meetings.events();
    }

    private static SourceAudit.Report audit(List<EventEnvelope> events) {
        return audit(events, keys());
    }

    private static SourceAudit.Report audit(List<EventEnvelope> events, CheckpointKeys keys) {
        SourceAudit audit = new SourceAudit("/tcy/meetings", keys, Duration.ofMinutes(5));
        events.forEach(audit::add);
        return audit.finish();
    }

    private static CheckpointKeys keys() {
        try {
            return CheckpointKeys.parse(java.nio.file.Files.readAllBytes(KEYS.jwks()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertBreak(SourceAudit.Report report, String subject, long sequence, String reason) {
        assertTrue(report.breaks().stream().anyMatch(found -> found.subject().equals(subject)
                        && found.sequence() == sequence && found.reason().contains(reason)),
                "expected a break of " + subject + " #" + sequence + " (" + reason + "), got " + report.breaks());
    }

    @Test
    void anUntouchedRecordVerifiesAndSaysWhatItsCheckpointsCover() {
        SourceAudit.Report report = audit(record);
        assertEquals(List.of(), report.breaks());
        assertEquals(7, report.events());
        assertEquals(3, report.streams());
        assertEquals(2, report.checkpoints());
        assertEquals(4, report.covered());
        assertEquals(1, report.uncovered());
    }

    @Test
    void theSameRecordTwiceIsNotABreak() {
        List<EventEnvelope> twice = new ArrayList<>(record);
        twice.addAll(2, record.subList(0, 2));
        assertEquals(List.of(), audit(twice).breaks());
    }

    @Test
    void aRemovedLastEventIsMissingFromWhatTheCheckpointSigned() {
        List<EventEnvelope> cut = new ArrayList<>(record);
        cut.remove(lastOfT11);
        assertBreak(audit(cut), "T-CY-11", 1, "checkpoint 1 covers sequence 1, the record has only up to 0");
    }

    @Test
    void aRemovedEventInsideAStreamBreaksItsSequence() {
        List<EventEnvelope> cut = new ArrayList<>(record);
        cut.remove(0);
        assertBreak(audit(cut), "T-CY-10", 1, "sequence 1 where 0 was expected");
    }

    @Test
    void reorderedEventsBreakTheSequence() {
        List<EventEnvelope> reordered = new ArrayList<>(record);
        EventEnvelope first = reordered.remove(1);
        reordered.add(reordered.indexOf(lastOfT11) + 1, first);
        assertBreak(audit(reordered), "T-CY-11", 1, "sequence 1 where 0 was expected");
    }

    @Test
    void anEditedPayloadNoLongerMatchesItsHash() {
        assertBreak(audit(replace(lastOfT11, event -> withData(event, "{\"meetingId\":\"T-CY-99\"}"))),
                "T-CY-11", 1, "hash does not match");
    }

    @Test
    void aStreamRewrittenWholeWithFreshHashesDiffersFromWhatWasSigned() {
        List<EventEnvelope> rewritten = new ArrayList<>();
        String prevhash = ChainHash.GENESIS;
        for (EventEnvelope event : record) {
            if (event.subject().equals("T-CY-11")) {
                event = rehashed(withData(event, new String(event.data()).replace("T-CY-11", "T-CY-77")), prevhash);
                prevhash = event.hash();
            }
            rewritten.add(event);
        }
        SourceAudit.Report report = audit(rewritten);
        assertBreak(report, "T-CY-11", 0, "differs from the one checkpoint 0 signed");
        assertBreak(report, "T-CY-11", 1, "differs from the one checkpoint 1 signed");
    }

    @Test
    void aCheckpointAlteredAfterSigningFailsItsSignatureEvenWithItsChainMended() {
        EventEnvelope second = checkpoint(1);
        String forgedData = new String(second.data()).replaceFirst("\"events\":4", "\"events\":3");
        List<EventEnvelope> forged = replace(second, event -> rehashed(withData(event, forgedData), event.prevhash()));
        SourceAudit.Report report = audit(forged);
        assertBreak(report, "@checkpoints", 1, "the signature does not verify");
        assertBreak(report, "@checkpoints", 1, "signs 3 events, its heads hold 4");
    }

    @Test
    void aCheckpointSignedByAnotherServicesKeyDoesNotSpeakForThisOne() {
        SignedRecord meetings = new SignedRecord("meetings", MEETINGS, KEYS.signer("membership"));
        meetings.append("T-CY-10", new MeetingEvent.MeetingOpened("T-CY-10"));
        meetings.checkpoint();
        assertBreak(audit(meetings.events()), "@checkpoints", 0, "which is not a key of /tcy/meetings");
    }

    @Test
    void aCheckpointUnderAKeyTheAuditorWasNotGivenIsABreak() {
        assertBreak(audit(record, CheckpointKeys.of(java.util.Map.of())), "@checkpoints", 0, "no public key");
    }

    @Test
    void anEventAddedLongBeforeTheLastCheckpointButNotInItWasAddedAfterSigning() {
        List<EventEnvelope> added = new ArrayList<>(record);
        EventEnvelope last = lastOfT11;
        EventEnvelope late = new EventEnvelope("added", last.source(), last.type(), last.subject(), 2,
                Instant.now().minus(Duration.ofHours(1)), "someone", null, null, last.hash(), null, null, last.data());
        added.add(rehashed(late, last.hash()));
        assertBreak(audit(added), "T-CY-11", 2, "added after it was signed");
    }

    private EventEnvelope checkpoint(long sequence) {
        return record.stream().filter(event -> event.subject().equals("@checkpoints") && event.sequence() == sequence)
                .findFirst().orElseThrow();
    }

    private List<EventEnvelope> replace(EventEnvelope target, UnaryOperator<EventEnvelope> change) {
        return record.stream().map(event -> event == target ? change.apply(event) : event).toList();
    }

    private static EventEnvelope withData(EventEnvelope e, String data) {
        return new EventEnvelope(e.id(), e.source(), e.type(), e.subject(), e.sequence(), e.time(), e.actor(),
                e.correlationId(), e.causationId(), e.prevhash(), e.hash(), e.traceparent(), data.getBytes());
    }

    /** What someone who can write the record but holds no key can do: mend the chain around a change. */
    private static EventEnvelope rehashed(EventEnvelope e, String prevhash) {
        return new EventEnvelope(e.id(), e.source(), e.type(), e.subject(), e.sequence(), e.time(), e.actor(),
                e.correlationId(), e.causationId(), prevhash,
                ChainHash.of(prevhash, e.type(), e.subject(), e.sequence(), e.time(), e.actor(), e.data()),
                e.traceparent(), e.data());
    }


}
