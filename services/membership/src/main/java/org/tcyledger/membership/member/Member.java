package org.tcyledger.membership.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.contracts.membership.EntryIntoForce;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.DenunciationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDepositCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeAppointed;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.SignatureCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;

import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.membership.member.MemberCommands.AppointRepresentative;
import org.tcyledger.membership.member.MemberCommands.CorrectFact;
import org.tcyledger.membership.member.MemberCommands.Denounce;
import org.tcyledger.membership.member.MemberCommands.DepositInstrument;
import org.tcyledger.membership.member.MemberCommands.DesignateContactPoint;
import org.tcyledger.membership.member.MemberCommands.EndObserverStatus;
import org.tcyledger.membership.member.MemberCommands.ErasePersonalData;
import org.tcyledger.membership.member.MemberCommands.GrantObserverStatus;
import org.tcyledger.membership.member.MemberCommands.InviteToAccede;
import org.tcyledger.membership.member.MemberCommands.RegisterMember;
import org.tcyledger.membership.member.MemberCommands.SignTreaty;
import org.tcyledger.membership.member.MemberCommands.WithdrawRepresentative;

/** A State or organisation: its steps under the three treaties, its observer status, its people. Rules: {@link MemberRules}. */
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
    public void handle(InviteToAccede command, TreatyCalendars calendars) {
        record(new InvitedToAccede(memberId, command.invitedOn(), command.reference(),
                TreatyStatus.invitationLapsesOn(command.invitedOn())), calendars.current());
    }

    /**
     * A signature without reservation as to ratification is the consent to be bound: answers the entry into force
     * it gives (null while the protocol is not in force, and for an ordinary signature).
     */
    @CommandHandler
    public LocalDate handle(SignTreaty command, TreatyCalendars calendars) {
        TreatyCalendar calendar = calendars.current();
        boolean definitive = command.withoutReservationAsToRatification();
        LocalDate entryIntoForceOn = definitive ? EntryIntoForce.forDeposit(command.signedOn(),
                calendar.inForceOn(command.treaty()).orElse(null)) : null;
        record(new TreatySigned(memberId, command.treaty(), command.signedOn(), definitive, entryIntoForceOn), calendar);
        return entryIntoForceOn;
    }

    /** The rules: {@link Notifications}. */
    @CommandHandler
    public void handle(MemberCommands.Notify command) {
        apply(Notifications.notification(state, command));
    }

    /** Answers the member's entry-into-force date, or null while the treaty itself is not in force. */
    @CommandHandler
    public LocalDate handle(DepositInstrument command, TreatyCalendars calendars) {
        TreatyCalendar calendar = calendars.current();
        LocalDate entryIntoForceOn = EntryIntoForce.forDeposit(command.depositedOn(),
                calendar.inForceOn(command.treaty()).orElse(null));
        record(new InstrumentDeposited(memberId, command.treaty(), command.kind(), command.depositedOn(),
                command.reservations(), command.declarations(), entryIntoForceOn), calendar);
        return entryIntoForceOn;
    }

    /** Denouncing the Convention ends the member's protocols on the same date. Answers the date it takes effect. */
    @CommandHandler
    public LocalDate handle(Denounce command, TreatyCalendars calendars) {
        TreatyCalendar calendar = calendars.current();
        LocalDate effectiveOn = EntryIntoForce.denunciationEffectiveOn(command.notifiedOn());
        record(new TreatyDenounced(memberId, command.treaty(), command.notifiedOn(), effectiveOn), calendar);
        if (command.treaty() == Treaty.ETS185) {
            for (Treaty protocol : List.of(Treaty.ETS189, Treaty.CETS224)) {
                MemberState.TreatyRecord record = state.treaty(protocol);
                if (record.depositedOn() != null && record.denouncedOn() == null) {
                    record(new TreatyDenounced(memberId, protocol, command.notifiedOn(), effectiveOn), calendar);
                }
            }
        }
        return effectiveOn;
    }

    @CommandHandler
    public void handle(GrantObserverStatus command, TreatyCalendars calendars) {
        record(new ObserverStatusGranted(memberId, command.grantedOn(), command.reference()), calendars.current());
    }

    @CommandHandler
    public void handle(EndObserverStatus command) {
        record(new ObserverStatusEnded(memberId, command.endedOn()), TreatyCalendar.EMPTY);
    }

    @CommandHandler
    public String handle(AppointRepresentative command, PersonKeys keys) {
        apply(new RepresentativeAppointed(memberId, command.representativeId(), command.role(), command.appointedOn(),
                PersonalData.ofRepresentative(memberId, command.representativeId(), command.name(), command.email(),
                        keys)));
        return command.representativeId();
    }

    @CommandHandler
    public void handle(WithdrawRepresentative command) {
        MemberState.Representative representative = state.representatives().get(command.representativeId());
        if (representative == null) {
            throw new RuleViolation("unknown-representative", state.name() + " has no representative "
                    + command.representativeId());
        }
        if (representative.withdrawnOn() != null) {
            throw new RuleViolation("representative-already-withdrawn", "The representative was withdrawn on "
                    + representative.withdrawnOn());
        }
        TreatySteps.notBeforePreviousStep("appointment", representative.appointedOn(), command.withdrawnOn());
        apply(new RepresentativeWithdrawn(memberId, command.representativeId(), command.withdrawnOn()));
    }

    /** The 24/7 point of contact (Article 35); a new designation replaces every unit of the member. */
    @CommandHandler
    public void handle(DesignateContactPoint command, PersonKeys keys) {
        apply(new ContactPointDesignated(memberId, command.personId(), command.unit(),
                PersonalData.ofContactPoint(memberId, command.personId(), command.phone(), command.email(), keys),
                command.designatedOn()));
    }

    /** A further unit of the 24/7 network; its named person, if any, sealed under their own key. */
    @CommandHandler
    public String handle(MemberCommands.AddContactPoint command, PersonKeys keys) {
        apply(new MembershipEvent.ContactPointAdded(memberId, command.unitId(), command.institution(),
                command.phone(), command.email(), command.hours(), command.designatedOn(),
                command.personName() == null ? null
                        : PersonalData.ofNetworkPerson(memberId, command.personId(), command.personName(), keys)));
        return command.unitId();
    }

    /** The rules: {@link Network}. */
    @CommandHandler
    public void handle(MemberCommands.WithdrawContactPoint command) {
        apply(Network.withdrawal(state, command));
    }

    /** The rules and the destruction of the person's key: {@link Erasure}. */
    @CommandHandler
    public void handle(ErasePersonalData command, PersonKeys keys) {
        apply(Erasure.erase(state, command, keys));
    }

    /** A correction must leave a history that still satisfies every rule; it is checked as a whole. */
    @CommandHandler
    public Object handle(CorrectFact command, TreatyCalendars calendars) {
        MemberState.FactKind kind = state.factKindOf(command.correctsEventId());
        if (kind == null || kind == MemberState.FactKind.OBSERVER_STATUS) {
            throw new RuleViolation("correction-of-unknown-fact", "No invitation, signature, deposit or "
                    + "denunciation of " + state.name() + " was recorded by event " + command.correctsEventId());
        }
        TreatyCalendar calendar = calendars.current();
        MembershipEvent correction = switch (kind) {
            case INVITATION -> new InvitationCorrected(memberId, command.correctsEventId(), command.reason(),
                    required("invitedOn", command.invitedOn()), command.reference());
            case SIGNATURE -> new SignatureCorrected(memberId, command.correctsEventId(), command.reason(),
                    required("treaty", command.treaty()), required("signedOn", command.signedOn()));
            case DEPOSIT -> new InstrumentDepositCorrected(memberId, command.correctsEventId(), command.reason(),
                    required("treaty", command.treaty()), required("kind", command.kind()),
                    required("depositedOn", command.depositedOn()), command.reservations(), command.declarations(),
                    EntryIntoForce.forDeposit(command.depositedOn(), calendar.inForceOn(command.treaty()).orElse(null)));
            case DENUNCIATION -> new DenunciationCorrected(memberId, command.correctsEventId(), command.reason(),
                    required("treaty", command.treaty()), required("notifiedOn", command.notifiedOn()),
                    EntryIntoForce.denunciationEffectiveOn(command.notifiedOn()));
            case OBSERVER_STATUS -> throw new IllegalStateException();
        };
        MemberState corrected = state.evolve(correction, null);
        state.replayFacts(corrected.facts(), (before, fact) -> MemberRules.check(before, fact, calendar));
        apply(correction);
        return correction;
    }

    private void record(MembershipEvent fact, TreatyCalendar calendar) {
        MemberRules.check(state, fact, calendar);
        apply(fact);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRequest(field, "is required to correct this kind of fact");
        }
        return value;
    }

    @EventSourcingHandler
    void on(MembershipEvent event, @MessageIdentifier String eventId) {
        if (event instanceof MemberRegistered registered) {
            memberId = registered.memberId();
        }
        state = state.evolve(event, eventId);
    }
}
