package org.tcyledger.meetings.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.meetings.meeting.MemberFacts;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;

/**
 * The port the Meeting's handlers ask, over meetings' real replica of tcy.membership.v1: each answer waits until the
 * replica has what the topic held (no sleep here). Malta as the record has it: signed 2001-01-17, ratified 2012-04-12,
 * a Party from 2012-08-01.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class RegisterMemberFactsTest {

    private static final LocalDate BEFORE = LocalDate.parse("2012-07-31");
    private static final LocalDate IN_FORCE = LocalDate.parse("2012-08-01");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    MemberFacts members;

    private static boolean published;

    private synchronized void malta() {
        if (published) {
            return;
        }
        published = true;
        PublishedStream malta = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership", "MT");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                malta.next(new MemberRegistered("MT", "Malta", MemberKind.STATE, true)),
                malta.next(new TreatySigned("MT", Treaty.ETS185, LocalDate.parse("2001-01-17"))),
                malta.next(new InstrumentDeposited("MT", Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2012-04-12"), List.of(), List.of(), IN_FORCE)));
    }

    @Test
    void aSignatoryIsAnObserverUntilTheConventionIsInForceForIt() {
        malta();
        assertEquals(Capacity.OBSERVER, members.capacityOn("MT", BEFORE));
        assertEquals(Capacity.PARTY, members.capacityOn("MT", IN_FORCE));
        assertEquals(Capacity.NONE, members.capacityOn("NO-SUCH-MEMBER", IN_FORCE));
    }

    @Test
    void aPartyOnTheDayTheConventionEntersIntoForceForIt() {
        malta();
        assertFalse(members.isPartyOn("MT", BEFORE));
        assertTrue(members.isPartyOn("MT", IN_FORCE));
        assertFalse(members.isPartyOn("NO-SUCH-MEMBER", IN_FORCE));
    }

    @Test
    void pCountsTheParties() {
        malta();
        assertEquals(1, members.partiesOn(IN_FORCE) - members.partiesOn(BEFORE));
    }
}
