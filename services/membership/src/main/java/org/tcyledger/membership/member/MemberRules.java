package org.tcyledger.membership.member;

import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.TreatyCalendar;

/**
 * The rules of domain.md §1 that a member's dated facts must satisfy, each named as the 409 answer names it: the
 * steps under a treaty ({@link TreatySteps}) and observer status ({@link ObserverStatus}). The aggregate checks a new
 * fact with them; a correction checks the whole corrected history with the same functions.
 */
final class MemberRules {

    private MemberRules() {
    }

    /** Checks a fact against the state before it, whichever command or correction brings it. */
    static void check(MemberState state, MembershipEvent fact, TreatyCalendar calendar) {
        switch (fact) {
            case InvitedToAccede i -> TreatySteps.invitation(state, i.invitedOn(), calendar);
            case TreatySigned s -> TreatySteps.signature(state, s.treaty(), s.signedOn(),
                    s.withoutReservationAsToRatification(), calendar);
            case InstrumentDeposited d -> TreatySteps.deposit(state, d.treaty(), d.kind(), d.depositedOn(), calendar);
            case TreatyDenounced d -> TreatySteps.denunciation(state, d.treaty(), d.notifiedOn(), calendar);
            case ObserverStatusGranted g -> ObserverStatus.granted(state, g.grantedOn(), calendar);
            case ObserverStatusEnded e -> ObserverStatus.ended(state, e.endedOn());
            default -> {
            }
        }
    }
}
