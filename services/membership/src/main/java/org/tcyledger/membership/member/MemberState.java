package org.tcyledger.membership.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.DenunciationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDepositCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.InvitationCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.InvitedToAccede;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusEnded;
import org.tcyledger.contracts.membership.MembershipEvent.ObserverStatusGranted;
import org.tcyledger.contracts.membership.MembershipEvent.PersonalDataErased;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeAppointed;
import org.tcyledger.contracts.membership.MembershipEvent.RepresentativeWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.membership.MembershipEvent.SignatureCorrected;
import org.tcyledger.contracts.membership.MembershipEvent.TreatyDenounced;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.RepresentativeRole;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;

/**
 * A member as its events made it. The aggregate decides on it; every read (current, as of a legal date, at a
 * sequence, as recorded by a time) is the same fold over the stored events. Corrections replace the fact they
 * correct; the fact events in force are kept in order so that a correction can be checked against every rule.
 */
public record MemberState(String id, String name, MemberKind kind, boolean councilOfEuropeMember,
                          Invitation invitation, Map<Treaty, TreatyRecord> treaties,
                          List<ObserverPeriod> observerPeriods, Map<String, Representative> representatives,
                          ContactPoint contactPoint, Set<String> erasedPersons, MemberNotices notices,
                          List<MembershipEvent> facts, Map<String, Integer> factIndexByEventId) {

    /** {@code lapsesOn} as the invitation recorded it (five years, {@link TreatyStatus#invitationLapsesOn}). */
    public record Invitation(LocalDate invitedOn, String reference, LocalDate lapsesOn) {
        /** Valid on {@code date}: made by then and not yet lapsed. */
        public boolean validOn(LocalDate date) {
            return !invitedOn.isAfter(date) && date.isBefore(lapsesOn);
        }
    }

    /**
     * One treaty's steps for this member; {@code entryIntoForceOn} as recorded with the consent: the deposit, or a
     * signature without reservation as to ratification ({@code definitiveSignature}, the protocols only).
     */
    public record TreatyRecord(LocalDate signedOn, boolean definitiveSignature, InstrumentKind instrument,
                               LocalDate depositedOn, LocalDate entryIntoForceOn, List<ArticleStatement> reservations,
                               List<ArticleStatement> declarations, LocalDate denouncedOn,
                               LocalDate denunciationEffectiveOn) {
        static final TreatyRecord NONE = new TreatyRecord(null, false, null, null, null, List.of(), List.of(), null,
                null);

        /** The date the member consented to be bound: its deposit, or its signature without reservation. */
        public LocalDate consentOn() {
            return definitiveSignature ? signedOn : depositedOn;
        }

        TreatyRecord signed(TreatySigned signature) {
            return new TreatyRecord(signature.signedOn(), signature.withoutReservationAsToRatification(), instrument,
                    depositedOn, signature.withoutReservationAsToRatification() ? signature.entryIntoForceOn()
                    : entryIntoForceOn, reservations, declarations, denouncedOn, denunciationEffectiveOn);
        }

        TreatyRecord deposited(InstrumentKind kind, LocalDate on, LocalDate inForceOn, List<ArticleStatement> res,
                               List<ArticleStatement> decl) {
            return new TreatyRecord(signedOn, definitiveSignature, kind, on, inForceOn, res, decl, denouncedOn,
                    denunciationEffectiveOn);
        }

        TreatyRecord denounced(LocalDate notifiedOn, LocalDate effectiveOn) {
            return new TreatyRecord(signedOn, definitiveSignature, instrument, depositedOn, entryIntoForceOn,
                    reservations, declarations, notifiedOn, effectiveOn);
        }
    }

    public record ObserverPeriod(LocalDate grantedOn, String reference, LocalDate endedOn) {
        boolean covers(LocalDate date) {
            return !date.isBefore(grantedOn) && (endedOn == null || date.isBefore(endedOn));
        }
    }

    public record Representative(String representativeId, RepresentativeRole role, LocalDate appointedOn,
                                 LocalDate withdrawnOn, SealedPersonalData personalData) {
    }

    public record ContactPoint(String personId, String unit, SealedPersonalData personalData) {
    }

    /** Which fact an event recorded, so that a correction can name it by that event's id. */
    public enum FactKind { INVITATION, SIGNATURE, DEPOSIT, DENUNCIATION, OBSERVER_STATUS }

    public static final MemberState UNREGISTERED = new MemberState(null, null, null, false, null, Map.of(),
            List.of(), Map.of(), null, Set.of(), MemberNotices.NONE, List.of(), Map.of());

    public boolean isRegistered() {
        return id != null;
    }

    public TreatyRecord treaty(Treaty treaty) {
        return treaties.getOrDefault(treaty, TreatyRecord.NONE);
    }

    public TreatyStatus.Steps steps(Treaty treaty, TreatyCalendar calendar) {
        TreatyRecord record = treaty(treaty);
        return new TreatyStatus.Steps(
                treaty == Treaty.ETS185 && invitation != null ? invitation.invitedOn() : null,
                record.signedOn(), record.consentOn(),
                calendar.entryIntoForce(treaty, record.consentOn(), record.entryIntoForceOn()),
                record.denunciationEffectiveOn());
    }

    public TreatyStatus statusOn(Treaty treaty, LocalDate date, TreatyCalendar calendar) {
        return TreatyStatus.on(date, steps(treaty, calendar));
    }

    public boolean holdsObserverStatusOn(LocalDate date) {
        return observerPeriods.stream().anyMatch(period -> period.covers(date));
    }

    public ObserverPeriod openObserverPeriod() {
        return observerPeriods.stream().filter(period -> period.endedOn() == null).findFirst().orElse(null);
    }

    public Capacity capacityOn(LocalDate date, TreatyCalendar calendar) {
        return Capacity.of(statusOn(Treaty.ETS185, date, calendar), holdsObserverStatusOn(date));
    }

    public boolean knowsPerson(String personId) {
        return representatives.containsKey(personId)
               || contactPoint != null && contactPoint.personId().equals(personId) || notices.knowsPerson(personId);
    }

    public FactKind factKindOf(String eventId) {
        Integer index = factIndexByEventId.get(eventId);
        return index == null ? null : kindOf(facts.get(index));
    }

    static FactKind kindOf(MembershipEvent fact) {
        return switch (fact) {
            case InvitedToAccede i -> FactKind.INVITATION;
            case TreatySigned s -> FactKind.SIGNATURE;
            case InstrumentDeposited d -> FactKind.DEPOSIT;
            case TreatyDenounced d -> FactKind.DENUNCIATION;
            default -> FactKind.OBSERVER_STATUS;
        };
    }

    /** Applies one stored event; {@code eventId} is that event's id, by which a later correction names it. */
    public MemberState evolve(MembershipEvent event, String eventId) {
        return switch (event) {
            case MemberRegistered r -> new MemberState(r.memberId(), r.name(), r.kind(), r.councilOfEuropeMember(),
                    null, Map.of(), List.of(), Map.of(), null, Set.of(), MemberNotices.NONE, List.of(), Map.of());
            case InvitedToAccede i -> withFact(i, eventId).apply(i);
            case TreatySigned s -> withFact(s, eventId).apply(s);
            case InstrumentDeposited d -> withFact(d, eventId).apply(d);
            case TreatyDenounced d -> withFact(d, eventId).apply(d);
            case ObserverStatusGranted g -> withFact(g, eventId).apply(g);
            case ObserverStatusEnded e -> withFact(e, eventId).apply(e);
            case InvitationCorrected c -> corrected(c.correctsEventId(), eventId,
                    new InvitedToAccede(id, c.invitedOn(), c.reference(),
                            TreatyStatus.invitationLapsesOn(c.invitedOn())));
            // a corrected signature keeps its kind; its entry into force follows from the corrected date
            case SignatureCorrected c -> corrected(c.correctsEventId(), eventId, new TreatySigned(id, c.treaty(),
                    c.signedOn(), facts.get(factIndexByEventId.get(c.correctsEventId())) instanceof TreatySigned s
                                  && s.withoutReservationAsToRatification(), null));
            case InstrumentDepositCorrected c -> corrected(c.correctsEventId(), eventId,
                    new InstrumentDeposited(id, c.treaty(), c.kind(), c.depositedOn(), c.reservations(),
                            c.declarations(), c.entryIntoForceOn()));
            case DenunciationCorrected c -> corrected(c.correctsEventId(), eventId,
                    new TreatyDenounced(id, c.treaty(), c.notifiedOn(), c.effectiveOn()));
            case RepresentativeAppointed a -> {
                Map<String, Representative> next = new LinkedHashMap<>(representatives);
                next.put(a.representativeId(), new Representative(a.representativeId(), a.role(), a.appointedOn(),
                        null, a.personalData()));
                yield copy(invitation, treaties, observerPeriods, next, contactPoint, erasedPersons);
            }
            case RepresentativeWithdrawn w -> {
                Map<String, Representative> next = new LinkedHashMap<>(representatives);
                Representative r = next.get(w.representativeId());
                next.put(w.representativeId(), new Representative(r.representativeId(), r.role(), r.appointedOn(),
                        w.withdrawnOn(), r.personalData()));
                yield copy(invitation, treaties, observerPeriods, next, contactPoint, erasedPersons);
            }
            case ContactPointDesignated c -> copy(invitation, treaties, observerPeriods, representatives,
                    new ContactPoint(c.personId(), c.unit(), c.personalData()), erasedPersons)
                    .withNotices(notices.designated(c));
            case MembershipEvent.ContactPointAdded a -> withNotices(notices.added(a));
            case MembershipEvent.ContactPointWithdrawn w -> withNotices(notices.withdrawn(w));
            case MembershipEvent.NotificationReceived n -> withNotices(notices.notified(n));
            case PersonalDataErased e -> {
                Set<String> next = new HashSet<>(erasedPersons);
                next.add(e.personId());
                yield copy(invitation, treaties, observerPeriods, representatives, contactPoint, Set.copyOf(next));
            }
        };
    }

    /** The state that a corrected history gives: the same registration and facts, one of them replaced. */
    private MemberState corrected(String correctsEventId, String correctionEventId, MembershipEvent replacement) {
        int index = factIndexByEventId.get(correctsEventId);
        List<MembershipEvent> nextFacts = new ArrayList<>(facts);
        nextFacts.set(index, replacement);
        MemberState rebuilt = replayFacts(nextFacts, null);
        Map<String, Integer> ids = new HashMap<>(factIndexByEventId);
        if (correctionEventId != null) {
            ids.put(correctionEventId, index);
        }
        return new MemberState(id, name, kind, councilOfEuropeMember, rebuilt.invitation, rebuilt.treaties,
                rebuilt.observerPeriods, representatives, contactPoint, erasedPersons, notices, List.copyOf(nextFacts),
                Map.copyOf(ids));
    }

    /**
     * Folds {@code facts} onto this member's registration; with a {@code check}, each fact must first pass the
     * rules against the state before it, as if it were recorded now.
     */
    MemberState replayFacts(List<MembershipEvent> someFacts, java.util.function.BiConsumer<MemberState, MembershipEvent> check) {
        MemberState state = new MemberState(id, name, kind, councilOfEuropeMember, null, Map.of(), List.of(),
                representatives, contactPoint, erasedPersons, notices, List.of(), Map.of());
        for (MembershipEvent fact : someFacts) {
            if (check != null) {
                check.accept(state, fact);
            }
            state = state.withFact(fact, null).apply(fact);
        }
        return state;
    }

    private MemberState withFact(MembershipEvent fact, String eventId) {
        List<MembershipEvent> nextFacts = new ArrayList<>(facts);
        nextFacts.add(fact);
        Map<String, Integer> ids = new HashMap<>(factIndexByEventId);
        if (eventId != null) {
            ids.put(eventId, nextFacts.size() - 1);
        }
        return new MemberState(id, name, kind, councilOfEuropeMember, invitation, treaties, observerPeriods,
                representatives, contactPoint, erasedPersons, notices, List.copyOf(nextFacts), Map.copyOf(ids));
    }

    private MemberState apply(MembershipEvent fact) {
        return switch (fact) {
            case InvitedToAccede i -> copy(new Invitation(i.invitedOn(), i.reference(), i.lapsesOn()), treaties, observerPeriods,
                    representatives, contactPoint, erasedPersons);
            case TreatySigned s -> withTreaty(s.treaty(), treaty(s.treaty()).signed(s));
            case InstrumentDeposited d -> withTreaty(d.treaty(), treaty(d.treaty()).deposited(d.kind(),
                    d.depositedOn(), d.entryIntoForceOn(), d.reservations(), d.declarations()));
            case TreatyDenounced d -> withTreaty(d.treaty(), treaty(d.treaty()).denounced(d.notifiedOn(),
                    d.effectiveOn()));
            case ObserverStatusGranted g -> {
                List<ObserverPeriod> next = new ArrayList<>(observerPeriods);
                next.add(new ObserverPeriod(g.grantedOn(), g.reference(), null));
                yield copy(invitation, treaties, List.copyOf(next), representatives, contactPoint, erasedPersons);
            }
            case ObserverStatusEnded e -> {
                List<ObserverPeriod> next = new ArrayList<>(observerPeriods);
                for (int i = 0; i < next.size(); i++) {
                    ObserverPeriod period = next.get(i);
                    if (period.endedOn() == null) {
                        next.set(i, new ObserverPeriod(period.grantedOn(), period.reference(), e.endedOn()));
                    }
                }
                yield copy(invitation, treaties, List.copyOf(next), representatives, contactPoint, erasedPersons);
            }
            default -> throw new IllegalArgumentException("not a fact: " + fact);
        };
    }

    private MemberState withTreaty(Treaty treaty, TreatyRecord record) {
        Map<Treaty, TreatyRecord> next = new EnumMap<>(Treaty.class);
        next.putAll(treaties);
        next.put(treaty, record);
        return copy(invitation, Map.copyOf(next), observerPeriods, representatives, contactPoint, erasedPersons);
    }

    private MemberState copy(Invitation inv, Map<Treaty, TreatyRecord> tr, List<ObserverPeriod> obs,
                             Map<String, Representative> reps, ContactPoint cp, Set<String> erased) {
        return new MemberState(id, name, kind, councilOfEuropeMember, inv, tr, obs, Map.copyOf(reps), cp, erased,
                notices, facts, factIndexByEventId);
    }

    private MemberState withNotices(MemberNotices next) {
        return new MemberState(id, name, kind, councilOfEuropeMember, invitation, treaties, observerPeriods,
                representatives, contactPoint, erasedPersons, next, facts, factIndexByEventId);
    }
}
