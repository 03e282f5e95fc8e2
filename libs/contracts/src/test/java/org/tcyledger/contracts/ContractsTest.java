package org.tcyledger.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.EntryIntoForce;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.ChainVerifier;
import org.tcyledger.contracts.wire.EventEnvelope;

class ContractsTest {

    @Test
    void wireTypesComeFromTheSealedInterface() {
        EventCatalog catalog = new EventCatalog(MembershipEvent.class);
        assertEquals("tcy.membership.InstrumentDeposited.v1",
                catalog.wireTypeOf(MembershipEvent.InstrumentDeposited.class));
        assertEquals(MembershipEvent.TreatySigned.class, catalog.classOf("tcy.membership.TreatySigned.v1").orElseThrow());
        assertEquals("1", catalog.storedTypeOf(MembershipEvent.MemberRegistered.class).orElseThrow().revision());
    }

    @Test
    void aHistoricVersionIsKnownBesideTheCurrentOneAndReadsAsIt() {
        EventCatalog catalog = new EventCatalog(MembershipEvent.class);
        assertEquals(MembershipEvent.InvitedToAccede.class,
                catalog.knownTypes().get("tcy.membership.InvitedToAccede.v2"));
        assertEquals(MembershipEvent.InvitedToAccedeV1.class,
                catalog.knownTypes().get("tcy.membership.InvitedToAccede.v1"));
        assertTrue(catalog.isHistoric("tcy.membership.InvitedToAccede.v1"));
        assertFalse(catalog.isHistoric("tcy.membership.InvitedToAccede.v2"));
        assertEquals("tcy.membership.InvitedToAccede.v1", catalog.wireTypeOf(MembershipEvent.InvitedToAccedeV1.class));

        LocalDate invitedOn = LocalDate.parse("2010-03-01");
        var v1 = new MembershipEvent.InvitedToAccedeV1("AU", invitedOn, null);
        var v2 = new MembershipEvent.InvitedToAccede("AU", invitedOn, null, LocalDate.parse("2015-03-01"));
        assertEquals(v2, catalog.current(v1));
        assertEquals(v2, catalog.current(v2));
    }

    @Test
    void aHistoricVersionMustUpcastToTheVersionThatNamesIt() {
        assertThrows(IllegalStateException.class, () -> new EventCatalog(Wrongly.class));
    }

    sealed interface Wrongly {
        @WireType("tcy.test.Thing.v2")
        @Supersedes(ThingV1.class)
        record Thing(String id) implements Wrongly {
        }

        @WireType("tcy.test.Other.v1")
        record Other(String id) implements Wrongly {
        }

        /** Upcasts to another event than the one that names it. */
        @WireType("tcy.test.Thing.v1")
        record ThingV1(String id) implements HistoricEvent<Other> {
            @Override
            public Other upcast() {
                return new Other(id);
            }
        }
    }

    @Test
    void entryIntoForceFollowsArticle36() {
        assertEquals(LocalDate.parse("2004-07-01"), EntryIntoForce.forDeposit(LocalDate.parse("2003-05-12"), LocalDate.parse("2004-07-01")));
        assertEquals(LocalDate.parse("2004-09-01"), EntryIntoForce.forDeposit(LocalDate.parse("2004-05-12"), LocalDate.parse("2004-07-01")));
        assertEquals(LocalDate.parse("2013-03-01"), EntryIntoForce.ownDate(LocalDate.parse("2012-11-30")));
        assertEquals(LocalDate.parse("2016-07-01"), EntryIntoForce.ownDate(LocalDate.parse("2016-03-01")));
        assertEquals(null, EntryIntoForce.forDeposit(LocalDate.parse("2023-01-10"), null));
    }

    @Test
    void canonicalFormIsSortedCompactAndEscaped() {
        byte[] data = "{ \"b\": 1, \"a\": \"x\\ny\\u0001\", \"c\": [true, null] }".getBytes(StandardCharsets.UTF_8);
        String canonical = new String(ChainHash.canonical("t", "s", 2, Instant.parse("2026-01-05T10:00:00Z"), "me", data),
                StandardCharsets.UTF_8);
        assertEquals("{\"actor\":\"me\",\"data\":{\"a\":\"x\\ny\\u0001\",\"b\":1,\"c\":[true,null]},\"sequence\":2,"
                + "\"subject\":\"s\",\"time\":\"2026-01-05T10:00:00.000000Z\",\"type\":\"t\"}", canonical);
    }

    @Test
    void aChainVerifiesAndATamperedEventIsFound() {
        List<EventEnvelope> stream = new ArrayList<>();
        String prev = ChainHash.GENESIS;
        for (int seq = 0; seq < 3; seq++) {
            byte[] data = ("{\"n\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
            Instant time = Instant.parse("2026-01-05T10:00:00.123456Z");
            String hash = ChainHash.of(prev, "tcy.x.Y.v1", "EE", seq, time, "sec", data);
            stream.add(new EventEnvelope("e" + seq, "/tcy/x", "tcy.x.Y.v1", "EE", seq, time, "sec", null, null, prev, hash, null, data));
            prev = hash;
        }
        assertTrue(ChainVerifier.firstBreak(stream).isEmpty());

        EventEnvelope original = stream.get(1);
        stream.set(1, new EventEnvelope(original.id(), original.source(), original.type(), original.subject(), 1,
                original.time(), original.actor(), null, null, original.prevhash(), original.hash(), null,
                "{\"n\":99}".getBytes(StandardCharsets.UTF_8)));
        ChainVerifier.Break found = ChainVerifier.firstBreak(stream).orElseThrow();
        assertEquals(1, found.sequence());
    }
}
