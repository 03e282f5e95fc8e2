package org.tcyledger.membership.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDepositCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.RuleViolation;

/** Status, capacity and corrections as the fold of a member's events gives them. */
class MemberStateTest {

    private static final TreatyCalendar CALENDAR = MemberTest.CALENDAR;

    private static MemberState estonia() {
        return MemberState.UNREGISTERED
                .evolve(new MemberRegistered("EE", "Estonia", MemberKind.STATE, true), "e0")
                .evolve(new TreatySigned("EE", Treaty.ETS185, LocalDate.parse("2001-11-23")), "e1")
                .evolve(new InstrumentDeposited("EE", Treaty.ETS185, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2003-06-12"), List.of(), List.of(), LocalDate.parse("2004-07-01")), "e2");
    }

    @Test
    void statusOnEachSideOfTheDates() {
        MemberState state = estonia();
        assertEquals(TreatyStatus.NONE, state.statusOn(Treaty.ETS185, LocalDate.parse("2001-11-22"), CALENDAR));
        assertEquals(TreatyStatus.SIGNATORY, state.statusOn(Treaty.ETS185, LocalDate.parse("2001-11-23"), CALENDAR));
        assertEquals(TreatyStatus.RATIFIED, state.statusOn(Treaty.ETS185, LocalDate.parse("2004-06-30"), CALENDAR));
        assertEquals(TreatyStatus.PARTY, state.statusOn(Treaty.ETS185, LocalDate.parse("2004-07-01"), CALENDAR));
        MemberState denounced = state.evolve(new TreatyDenounced("EE", Treaty.ETS185, LocalDate.parse("2020-01-15"),
                LocalDate.parse("2020-05-01")), "e3");
        assertEquals(TreatyStatus.PARTY, denounced.statusOn(Treaty.ETS185, LocalDate.parse("2020-04-30"), CALENDAR));
        assertEquals(TreatyStatus.DENOUNCED, denounced.statusOn(Treaty.ETS185, LocalDate.parse("2020-05-01"), CALENDAR));
        assertEquals(Capacity.NONE, denounced.capacityOn(LocalDate.parse("2020-05-01"), CALENDAR));
        MemberState observer = denounced.evolve(new ObserverStatusGranted("EE", LocalDate.parse("2021-01-01"), null), "e4");
        assertEquals(Capacity.OBSERVER, observer.capacityOn(LocalDate.parse("2021-01-01"), CALENDAR));
    }

    @Test
    void aProtocolDepositedBeforeItEntersIntoForceTakesItsDateLater() {
        MemberState state = estonia()
                .evolve(new TreatySigned("EE", Treaty.CETS224, LocalDate.parse("2022-05-12")), "e3")
                .evolve(new InstrumentDeposited("EE", Treaty.CETS224, InstrumentKind.RATIFICATION,
                        LocalDate.parse("2023-03-01"), List.of(), List.of(), null), "e4");
        assertEquals(TreatyStatus.RATIFIED, state.statusOn(Treaty.CETS224, LocalDate.parse("2030-01-01"), CALENDAR));
        TreatyCalendar inForce = CALENDAR.with(Treaty.CETS224, LocalDate.parse("2027-01-01"));
        assertEquals(LocalDate.parse("2027-01-01"), state.steps(Treaty.CETS224, inForce).entryIntoForceOn());
        assertEquals(TreatyStatus.PARTY, state.statusOn(Treaty.CETS224, LocalDate.parse("2027-01-01"), inForce));
    }

    @Test
    void aCorrectionReplacesTheFactAndCanItselfBeCorrected() {
        MemberState corrected = estonia().evolve(new InstrumentDepositCorrected("EE", "e2", "wrong month",
                Treaty.ETS185, InstrumentKind.RATIFICATION, LocalDate.parse("2003-05-12"), List.of(), List.of(),
                LocalDate.parse("2004-07-01")), "e3");
        assertEquals(LocalDate.parse("2003-05-12"), corrected.treaty(Treaty.ETS185).depositedOn());
        assertEquals(MemberState.FactKind.DEPOSIT, corrected.factKindOf("e3"));
        assertEquals(MemberState.FactKind.DEPOSIT, corrected.factKindOf("e2"));
    }

    @Test
    void aCorrectedHistoryIsCheckedAgainstEveryRule() {
        MemberState wrong = estonia().evolve(new InstrumentDepositCorrected("EE", "e2", "typo", Treaty.ETS185,
                InstrumentKind.RATIFICATION, LocalDate.parse("2001-11-01"), List.of(), List.of(), null), null);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> wrong.replayFacts(wrong.facts(),
                (before, fact) -> MemberRules.check(before, fact, CALENDAR)));
        assertEquals("not-before-treaty-opened", refused.rule());
    }
}
