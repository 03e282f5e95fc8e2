package org.tcyledger.membership.member;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The steps a member takes under a treaty, in their order (domain.md §1): invitation to accede, signature, deposit of
 * an instrument, denunciation; none before the treaty opened for signature, none before the step it follows. The
 * entry-into-force dates these steps lead to are {@code EntryIntoForce}'s (libs/contracts).
 */
final class TreatySteps {

    private TreatySteps() {
    }

    static void invitation(MemberState state, LocalDate invitedOn) {
        if (state.kind() != MemberKind.STATE) {
            throw new RuleViolation("invitation-only-for-a-state", "Only a State is invited to accede; "
                    + state.name() + " is an organisation");
        }
        if (state.councilOfEuropeMember()) {
            throw new RuleViolation("invitation-only-outside-council-of-europe", state.name()
                    + " is a member State of the Council of Europe and signs the Convention instead");
        }
        MemberState.TreatyRecord convention = state.treaty(Treaty.ETS185);
        if (convention.signedOn() != null || convention.depositedOn() != null) {
            throw new RuleViolation("invitation-only-before-signature-or-deposit", state.name()
                    + " has already signed or deposited an instrument for ETS185");
        }
        if (state.invitation() != null) {
            throw new RuleViolation("no-second-invitation", state.name() + " was already invited on "
                    + state.invitation().invitedOn());
        }
        notBeforeOpening(Treaty.ETS185, invitedOn);
    }

    static void signature(MemberState state, Treaty treaty, LocalDate signedOn, TreatyCalendar calendar) {
        MemberState.TreatyRecord record = state.treaty(treaty);
        notBeforeOpening(treaty, signedOn);
        if (record.signedOn() != null) {
            throw new RuleViolation("no-second-signature",
                    state.name() + " already signed " + treaty + " on " + record.signedOn());
        }
        if (record.depositedOn() != null) {
            throw new RuleViolation("no-signature-after-deposit",
                    state.name() + " already deposited an instrument for " + treaty + " on " + record.depositedOn());
        }
        if (treaty == Treaty.CETS224 && state.statusOn(Treaty.ETS185, signedOn, calendar) != TreatyStatus.PARTY) {
            throw new RuleViolation("cets224-signature-only-by-party",
                    "Only a Party to ETS185 may sign CETS224; " + state.name() + " is not one on " + signedOn);
        }
    }

    static void deposit(MemberState state, Treaty treaty, InstrumentKind kind, LocalDate depositedOn) {
        MemberState.TreatyRecord record = state.treaty(treaty);
        notBeforeOpening(treaty, depositedOn);
        if (record.depositedOn() != null) {
            throw new RuleViolation("no-second-deposit",
                    state.name() + " already deposited an instrument for " + treaty + " on " + record.depositedOn());
        }
        if (kind.confirmsSignature()) {
            if (record.signedOn() == null) {
                throw new RuleViolation("deposit-needs-signature", "A " + kind + " of " + treaty
                        + " needs a prior signature; " + state.name() + " has not signed it");
            }
            notBeforePreviousStep("signature", record.signedOn(), depositedOn);
        } else if (treaty == Treaty.ETS185) {
            if (state.invitation() == null) {
                throw new RuleViolation("accession-needs-invitation",
                        "Accession to ETS185 needs a prior invitation to accede; " + state.name() + " has none");
            }
            notBeforePreviousStep("invitation", state.invitation().invitedOn(), depositedOn);
        }
        if (treaty.isProtocol()) {
            LocalDate conventionDeposit = state.treaty(Treaty.ETS185).depositedOn();
            if (conventionDeposit == null || conventionDeposit.isAfter(depositedOn)) {
                throw new RuleViolation("protocol-needs-convention-deposit", "A deposit for " + treaty
                        + " needs " + state.name() + "'s own deposit for ETS185 on or before " + depositedOn);
            }
        }
    }

    static void denunciation(MemberState state, Treaty treaty, LocalDate notifiedOn, TreatyCalendar calendar) {
        MemberState.TreatyRecord record = state.treaty(treaty);
        if (record.denouncedOn() != null) {
            throw new RuleViolation("no-second-denunciation",
                    state.name() + " already denounced " + treaty + " on " + record.denouncedOn());
        }
        boolean followsConvention = treaty.isProtocol()
                && notifiedOn.equals(state.treaty(Treaty.ETS185).denouncedOn());
        if (!followsConvention && state.statusOn(treaty, notifiedOn, calendar) != TreatyStatus.PARTY) {
            throw new RuleViolation("denunciation-only-by-party", "Only a Party denounces " + treaty + "; "
                    + state.name() + " is " + state.statusOn(treaty, notifiedOn, calendar) + " on " + notifiedOn);
        }
    }

    static void notBeforeOpening(Treaty treaty, LocalDate date) {
        if (date.isBefore(treaty.openedOn())) {
            throw new RuleViolation("not-before-treaty-opened",
                    treaty + " was opened for signature on " + treaty.openedOn() + "; " + date + " is earlier");
        }
    }

    static void notBeforePreviousStep(String step, LocalDate previous, LocalDate date) {
        if (date.isBefore(previous)) {
            throw new RuleViolation("date-not-before-previous-step",
                    date + " is before the " + step + " on " + previous);
        }
    }
}
