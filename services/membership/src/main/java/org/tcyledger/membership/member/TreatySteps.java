package org.tcyledger.membership.member;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The steps a member takes under a treaty, in their order (domain.md §1, the treaties' final clauses): invitation to
 * accede, signature (who may sign, and the protocols' signature without reservation as to ratification), deposit
 * of an instrument, denunciation; none before the treaty opened for signature, none before the step it follows.
 * The entry-into-force dates these steps lead to are {@code EntryIntoForce}'s (libs/contracts).
 */
final class TreatySteps {

    private TreatySteps() {
    }

    /** An invitation is made once ETS185 is in force, to a non-member State, and lasts five years. */
    static void invitation(MemberState state, LocalDate invitedOn, TreatyCalendar calendar) {
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
        LocalDate inForceOn = calendar.inForceOn(Treaty.ETS185).orElse(null);
        if (inForceOn == null || invitedOn.isBefore(inForceOn)) {
            throw new RuleViolation("invitation-before-convention-in-force", "An invitation to accede is made once "
                    + "ETS185 is in force" + (inForceOn == null ? "; it is not" : " (" + inForceOn + ")")
                    + "; " + invitedOn + " is earlier");
        }
        if (state.invitation() != null && state.invitation().validOn(invitedOn)) {
            throw new RuleViolation("no-second-invitation", state.name() + " was already invited on "
                    + state.invitation().invitedOn() + ", valid until "
                    + state.invitation().lapsesOn().minusDays(1));
        }
    }

    static void signature(MemberState state, Treaty treaty, LocalDate signedOn, boolean withoutReservation,
                          TreatyCalendar calendar) {
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
        maySign(state, treaty, signedOn, calendar);
        if (withoutReservation) {
            if (!treaty.allowsSignatureWithoutReservation()) {
                throw new RuleViolation("signature-without-reservation-only-for-protocols", treaty
                        + " is bound only by ratification, acceptance or approval after signature");
            }
            conventionDepositedBy(state, treaty, signedOn);
        }
    }

    /**
     * Who may sign: ETS185 the member States of the Council of Europe and the four non-members that took part in its
     * elaboration; ETS189 the signatories of ETS185; CETS224 the Parties to ETS185. Every other State accedes.
     */
    private static void maySign(MemberState state, Treaty treaty, LocalDate signedOn, TreatyCalendar calendar) {
        switch (treaty) {
            case ETS185 -> {
                if (state.kind() != MemberKind.STATE || !state.councilOfEuropeMember()
                                                        && !treaty.nonMemberSignatories().contains(state.id())) {
                    throw new RuleViolation("signature-not-open", "ETS185 is open for signature by the member States "
                            + "of the Council of Europe and by Canada, Japan, South Africa and the United States; "
                            + state.name() + " accedes after an invitation");
                }
            }
            case ETS189 -> {
                LocalDate conventionSigned = state.treaty(Treaty.ETS185).signedOn();
                if (conventionSigned == null || conventionSigned.isAfter(signedOn)) {
                    throw new RuleViolation("signature-not-open", "ETS189 is open for signature by the signatories "
                            + "of ETS185; " + state.name() + " had not signed ETS185 by " + signedOn);
                }
            }
            case CETS224 -> {
                if (state.statusOn(Treaty.ETS185, signedOn, calendar) != TreatyStatus.PARTY) {
                    throw new RuleViolation("cets224-signature-only-by-party",
                            "Only a Party to ETS185 may sign CETS224; " + state.name() + " is not one on " + signedOn);
                }
            }
        }
    }

    static void deposit(MemberState state, Treaty treaty, InstrumentKind kind, LocalDate depositedOn,
                        TreatyCalendar calendar) {
        MemberState.TreatyRecord record = state.treaty(treaty);
        notBeforeOpening(treaty, depositedOn);
        if (record.depositedOn() != null) {
            throw new RuleViolation("no-second-deposit",
                    state.name() + " already deposited an instrument for " + treaty + " on " + record.depositedOn());
        }
        if (record.definitiveSignature()) {
            throw new RuleViolation("already-bound-by-signature", state.name() + " signed " + treaty
                    + " without reservation as to ratification on " + record.signedOn() + " and is bound by it");
        }
        if (kind.confirmsSignature()) {
            if (record.signedOn() == null) {
                throw new RuleViolation("deposit-needs-signature", "A " + kind + " of " + treaty
                        + " needs a prior signature; " + state.name() + " has not signed it");
            }
            notBeforePreviousStep("signature", record.signedOn(), depositedOn);
        } else if (treaty == Treaty.ETS185) {
            accessionToConvention(state, depositedOn);
        } else if (treaty == Treaty.ETS189) {
            accessionToProtocol(state, treaty, depositedOn, calendar);
        }
        if (treaty.isProtocol()) {
            conventionDepositedBy(state, treaty, depositedOn);
        }
    }

    private static void accessionToConvention(MemberState state, LocalDate depositedOn) {
        MemberState.Invitation invitation = state.invitation();
        if (invitation == null) {
            throw new RuleViolation("accession-needs-invitation",
                    "Accession to ETS185 needs a prior invitation to accede; " + state.name() + " has none");
        }
        notBeforePreviousStep("invitation", invitation.invitedOn(), depositedOn);
        if (!invitation.validOn(depositedOn)) {
            throw new RuleViolation("invitation-expired", state.name() + "'s invitation of " + invitation.invitedOn()
                    + " lapsed on " + invitation.lapsesOn()
                    + "; it accedes once invited again");
        }
    }

    /** A State that acceded to the Convention accedes to ETS189, once ETS189 is in force (its Article 11). */
    private static void accessionToProtocol(MemberState state, Treaty treaty, LocalDate depositedOn,
                                            TreatyCalendar calendar) {
        if (state.treaty(Treaty.ETS185).instrument() != InstrumentKind.ACCESSION) {
            throw new RuleViolation("accession-only-for-acceding-states", "Only a State that acceded to ETS185 "
                    + "accedes to " + treaty + "; " + state.name() + " signs it instead");
        }
        LocalDate inForceOn = calendar.inForceOn(treaty).orElse(null);
        if (inForceOn == null || depositedOn.isBefore(inForceOn)) {
            throw new RuleViolation("accession-only-once-in-force", treaty + " can be acceded to once it is in force"
                    + (inForceOn == null ? "; it is not" : " (" + inForceOn + ")") + "; " + depositedOn + " is earlier");
        }
    }

    /** A protocol binds only a member bound by the Convention: its own deposit of ETS185 on or before that day. */
    private static void conventionDepositedBy(MemberState state, Treaty treaty, LocalDate date) {
        LocalDate conventionDeposit = state.treaty(Treaty.ETS185).depositedOn();
        if (conventionDeposit == null || conventionDeposit.isAfter(date)) {
            throw new RuleViolation("protocol-needs-convention-deposit", "Consent to " + treaty
                    + " needs " + state.name() + "'s own deposit for ETS185 on or before " + date);
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
