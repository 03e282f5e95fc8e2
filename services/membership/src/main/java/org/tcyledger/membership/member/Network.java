package org.tcyledger.membership.member;

import org.tcyledger.contracts.membership.MembershipEvent.ContactPointWithdrawn;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The 24/7 network of Article 35 (domain.md §1): a member's units, each in force from its designation until a new
 * designation replaces them or it is withdrawn. A unit is withdrawn once, not before it was designated.
 */
final class Network {

    private Network() {
    }

    static ContactPointWithdrawn withdrawal(MemberState state, MemberCommands.WithdrawContactPoint command) {
        MemberNotices.NetworkUnit unit = state.notices().units().get(command.unitId());
        if (unit == null) {
            throw new RuleViolation("unknown-contact-point-unit", state.name() + " has no unit " + command.unitId()
                    + " in the 24/7 network");
        }
        if (unit.withdrawnOn() != null) {
            throw new RuleViolation("contact-point-unit-already-withdrawn", "The unit " + command.unitId()
                    + " left the network on " + unit.withdrawnOn());
        }
        if (unit.designatedOn() != null) {
            TreatySteps.notBeforePreviousStep("designation", unit.designatedOn(), command.withdrawnOn());
        }
        return new ContactPointWithdrawn(state.id(), command.unitId(), command.withdrawnOn());
    }
}
