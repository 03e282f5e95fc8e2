package org.tcyledger.membership.member;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * Observer status (domain.md §1): granted only to a member that is not a Party to ETS185 on that date, held once at a
 * time, ended only while held and not before it was granted. A member's capacity at a meeting follows from it and its
 * status under ETS185 ({@code Capacity.of}, libs/contracts).
 */
final class ObserverStatus {

    private ObserverStatus() {
    }

    static void granted(MemberState state, LocalDate grantedOn, TreatyCalendar calendar) {
        if (state.statusOn(Treaty.ETS185, grantedOn, calendar) == TreatyStatus.PARTY) {
            throw new RuleViolation("observer-status-only-for-non-party",
                    state.name() + " is a Party to ETS185 on " + grantedOn + " and sits as a Party");
        }
        if (state.openObserverPeriod() != null) {
            throw new RuleViolation("observer-status-already-held", state.name()
                    + " holds observer status since " + state.openObserverPeriod().grantedOn());
        }
    }

    static void ended(MemberState state, LocalDate endedOn) {
        MemberState.ObserverPeriod open = state.openObserverPeriod();
        if (open == null) {
            throw new RuleViolation("no-observer-status", state.name() + " holds no observer status to end");
        }
        TreatySteps.notBeforePreviousStep("grant of observer status", open.grantedOn(), endedOn);
    }
}
