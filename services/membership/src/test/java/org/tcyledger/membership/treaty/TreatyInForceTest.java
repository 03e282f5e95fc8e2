package org.tcyledger.membership.treaty;

import static org.tcyledger.eventsourcing.RuleNamed.ruleNamed;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyEvent.TreatyEnteredIntoForce;
import org.tcyledger.membership.treaty.TreatyInForce.RecordTreatyEntryIntoForce;

/** When a treaty itself entered into force: recorded once, never before it opened for signature. */
class TreatyInForceTest {

    private static final LocalDate CETS224_IN_FORCE = LocalDate.parse("2025-06-01");

    private static FixtureConfiguration<TreatyInForce> fixture() {
        return new AggregateTestFixture<>(TreatyInForce.class);
    }

    @Test
    void theTreatysEntryIntoForceIsRecorded() {
        fixture().givenNoPriorActivity()
                .when(new RecordTreatyEntryIntoForce("CETS224", Treaty.CETS224, CETS224_IN_FORCE))
                .expectEvents(new TreatyEnteredIntoForce(Treaty.CETS224, CETS224_IN_FORCE));
        fixture().givenNoPriorActivity()
                .when(new RecordTreatyEntryIntoForce("CETS224", Treaty.CETS224, Treaty.CETS224.openedOn()))
                .expectEvents(new TreatyEnteredIntoForce(Treaty.CETS224, Treaty.CETS224.openedOn()));
    }

    @Test
    void aTreatyEntersIntoForceOnce() {
        fixture().given(new TreatyEnteredIntoForce(Treaty.ETS185, LocalDate.parse("2004-07-01")))
                .when(new RecordTreatyEntryIntoForce("ETS185", Treaty.ETS185, LocalDate.parse("2004-08-01")))
                .expectException(ruleNamed("treaty-already-in-force")).expectNoEvents();
    }

    @Test
    void notBeforeTheTreatyOpenedForSignature() {
        fixture().givenNoPriorActivity()
                .when(new RecordTreatyEntryIntoForce("CETS224", Treaty.CETS224, Treaty.CETS224.openedOn().minusDays(1)))
                .expectException(ruleNamed("not-before-treaty-opened")).expectNoEvents();
    }
}
