package org.tcyledger.membership.member;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationKind;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;

/**
 * Later notifications (domain.md §1): only a member that signed or deposited the treaty notifies under it, not
 * before that step; a notification takes effect on or after its date; a withdrawal names, by article, a reservation
 * or declaration in force when it takes effect; only the designation of an authority carries an authority.
 */
final class Notifications {

    private Notifications() {
    }

    static NotificationReceived notification(MemberState state, MemberCommands.Notify command) {
        boolean designation = command.kind() == NotificationKind.AUTHORITY_DESIGNATED;
        if (designation && command.authority() == null) {
            throw new InvalidRequest("authority", "is required to designate an authority");
        }
        if (!designation && command.authority() != null) {
            throw new InvalidRequest("authority", "is given only with kind AUTHORITY_DESIGNATED");
        }
        LocalDate effectiveOn = command.effectiveOn() == null ? command.notifiedOn() : command.effectiveOn();
        NotificationReceived notification = new NotificationReceived(state.id(), command.treaty(), command.kind(),
                command.article(), command.notifiedOn(), effectiveOn, command.text(), command.authority());
        check(state, notification);
        return notification;
    }

    static void check(MemberState state, NotificationReceived n) {
        MemberState.TreatyRecord record = state.treaty(n.treaty());
        LocalDate firstStep = record.signedOn() != null ? record.signedOn() : record.depositedOn();
        if (firstStep == null) {
            throw new RuleViolation("notification-needs-signature-or-deposit", state.name()
                    + " neither signed nor deposited " + n.treaty() + " and notifies nothing under it");
        }
        TreatySteps.notBeforePreviousStep(record.signedOn() != null ? "signature" : "deposit", firstStep,
                n.notifiedOn());
        if (n.effectiveOn().isBefore(n.notifiedOn())) {
            throw new RuleViolation("effective-not-before-notified", "A notification of " + n.notifiedOn()
                    + " cannot take effect earlier, on " + n.effectiveOn());
        }
        boolean reservation = n.kind() == NotificationKind.RESERVATION_WITHDRAWN;
        if (reservation || n.kind() == NotificationKind.DECLARATION_WITHDRAWN) {
            boolean inForce = state.notices().statementsOn(n.treaty(), reservation,
                            reservation ? record.reservations() : record.declarations(), record.depositedOn(),
                            n.effectiveOn()).stream()
                    .anyMatch(statement -> statement.article().equals(n.article()));
            if (!inForce) {
                throw new RuleViolation("withdrawal-of-statement-not-in-force", state.name() + " has no "
                        + (reservation ? "reservation" : "declaration") + " on article " + n.article() + " of "
                        + n.treaty() + " in force on " + n.effectiveOn());
            }
        }
    }
}
