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
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.meetings.meeting.MemberFacts;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;

/**
 * The port the Meeting's handlers ask, over meetings' real replica of tcy.membership.v1: each answer waits until the
 * replica has what the topic held (no sleep here). Nigeria acceded on 2022-07-06 and is a Party from 2022-11-01 (the
 * date of its invitation is invented for the tests); later than every meeting the other tests count Parties for.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class RegisterMemberFactsTest {

    private static final LocalDate BEFORE = LocalDate.parse("2022-10-31");
    private static final LocalDate IN_FORCE = LocalDate.parse("2022-11-01");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    MemberFacts members;

    private static boolean published;

    private synchronized void nigeria() {
        if (published) {
            return;
        }
        published = true;
        PublishedStream nigeria = new PublishedStream(new EventCatalog(MembershipEvent.class), "/tcy/membership", "NG");
        PublishedStream.publish(bootstrapServers, Topics.MEMBERSHIP,
                nigeria.next(new MemberRegistered("NG", "Nigeria", MemberKind.STATE, false)),
                nigeria.next(new InvitedToAccede("NG", LocalDate.parse("2018-03-01"), "invented for the tests",
                        LocalDate.parse("2023-03-01"))),
                nigeria.next(new InstrumentDeposited("NG", Treaty.ETS185, InstrumentKind.ACCESSION,
                        LocalDate.parse("2022-07-06"), List.of(), List.of(), IN_FORCE)));
    }

    @Test
    void anAccedingStateIsAnObserverUntilTheConventionIsInForceForIt() {
        nigeria();
        assertEquals(Capacity.OBSERVER, members.capacityOn("NG", BEFORE));
        assertEquals(Capacity.PARTY, members.capacityOn("NG", IN_FORCE));
        assertEquals(Capacity.NONE, members.capacityOn("NO-SUCH-MEMBER", IN_FORCE));
    }

    @Test
    void aPartyOnTheDayTheConventionEntersIntoForceForIt() {
        nigeria();
        assertFalse(members.isPartyOn("NG", BEFORE));
        assertTrue(members.isPartyOn("NG", IN_FORCE));
        assertFalse(members.isPartyOn("NO-SUCH-MEMBER", IN_FORCE));
    }

    @Test
    void pCountsTheParties() {
        nigeria();
        assertEquals(1, members.partiesOn(IN_FORCE) - members.partiesOn(BEFORE));
    }
}
