package org.tcyledger.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.contracts.membership.EntryIntoForce;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.membership.member.MemberCommands.DepositInstrument;
import org.tcyledger.membership.member.MemberCommands.RegisterMember;
import org.tcyledger.membership.member.MemberCommands.SignTreaty;

/** A State or organisation and its steps under the three treaties. Each rule is checked here, once. */
public class Member {

    @AggregateIdentifier
    private String memberId;
    private MemberState state = MemberState.UNREGISTERED;

    protected Member() {
    }

    /** The id is unique: the event store refuses a second stream with the same id. */
    @CommandHandler
    public Member(RegisterMember command) {
        apply(new MemberRegistered(command.memberId(), command.name(), command.kind(),
                command.councilOfEuropeMember()));
    }

    @CommandHandler
    public void handle(SignTreaty command) {
        Treaty treaty = command.treaty();
        MemberState.TreatyRecord record = state.treaty(treaty);
        notBeforeOpening(treaty, command.signedOn());
        if (record.signedOn() != null) {
            throw new RuleViolation("no-second-signature",
                    state.name() + " already signed " + treaty + " on " + record.signedOn());
        }
        if (record.depositedOn() != null) {
            throw new RuleViolation("no-signature-after-deposit",
                    state.name() + " already deposited an instrument for " + treaty + " on " + record.depositedOn());
        }
        if (treaty == Treaty.CETS224 && state.statusOn(Treaty.ETS185, command.signedOn()) != TreatyStatus.PARTY) {
            throw new RuleViolation("cets224-signature-only-by-party",
                    "Only a Party to ETS185 may sign CETS224; " + state.name() + " is not one on " + command.signedOn());
        }
        apply(new TreatySigned(memberId, treaty, command.signedOn()));
    }

    /** Answers the member's entry-into-force date for the treaty, or null while the treaty is not in force. */
    @CommandHandler
    public LocalDate handle(DepositInstrument command) {
        Treaty treaty = command.treaty();
        MemberState.TreatyRecord record = state.treaty(treaty);
        LocalDate depositedOn = command.depositedOn();
        notBeforeOpening(treaty, depositedOn);
        if (record.depositedOn() != null) {
            throw new RuleViolation("no-second-deposit",
                    state.name() + " already deposited an instrument for " + treaty + " on " + record.depositedOn());
        }
        if (command.kind().confirmsSignature()) {
            if (record.signedOn() == null) {
                throw new RuleViolation("deposit-needs-signature", "A " + command.kind() + " of " + treaty
                        + " needs a prior signature; " + state.name() + " has not signed it");
            }
            if (depositedOn.isBefore(record.signedOn())) {
                throw new RuleViolation("date-not-before-previous-step", "The deposit (" + depositedOn
                        + ") cannot precede the signature of " + treaty + " (" + record.signedOn() + ")");
            }
        } else if (!treaty.isProtocol()) {
            throw new RuleViolation("accession-needs-invitation",
                    "Accession to ETS185 needs a prior invitation to accede; " + state.name() + " has none");
        }
        if (treaty.isProtocol()) {
            LocalDate conventionDeposit = state.treaty(Treaty.ETS185).depositedOn();
            if (conventionDeposit == null || conventionDeposit.isAfter(depositedOn)) {
                throw new RuleViolation("protocol-needs-convention-deposit", "A deposit for " + treaty
                        + " needs " + state.name() + "'s own deposit for ETS185 on or before " + depositedOn);
            }
        }
        LocalDate entryIntoForceOn = EntryIntoForce.forDeposit(depositedOn, treaty.inForceOn().orElse(null));
        apply(new InstrumentDeposited(memberId, treaty, command.kind(), depositedOn, command.reservations(),
                command.declarations(), entryIntoForceOn));
        return entryIntoForceOn;
    }

    private void notBeforeOpening(Treaty treaty, LocalDate date) {
        if (date.isBefore(treaty.openedOn())) {
            throw new RuleViolation("not-before-treaty-opened",
                    treaty + " was opened for signature on " + treaty.openedOn() + "; " + date + " is earlier");
        }
    }

    @EventSourcingHandler
    void on(MembershipEvent event) {
        if (event instanceof MemberRegistered registered) {
            memberId = registered.memberId();
        }
        state = state.evolve(event);
    }
}
