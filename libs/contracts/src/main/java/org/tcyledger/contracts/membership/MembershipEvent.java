package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.HistoricEvent;
import org.tcyledger.contracts.Supersedes;
import org.tcyledger.contracts.WireType;

/** Everything the membership context publishes on {@code tcy.membership.v1}; each event concerns one member. */
public sealed interface MembershipEvent {

    String memberId();

    @WireType("tcy.membership.MemberRegistered.v1")
    record MemberRegistered(String memberId, String name, MemberKind kind, boolean councilOfEuropeMember)
            implements MembershipEvent {
    }

    /**
     * A signature; {@code withoutReservationAsToRatification} (the protocols allow it) makes it the member's consent
     * to be bound, and {@code entryIntoForceOn} then runs from its date as from a deposit (null while the treaty is
     * not in force, and for an ordinary signature). Events stored before these two fields read as an ordinary
     * signature.
     */
    @WireType("tcy.membership.TreatySigned.v1")
    record TreatySigned(String memberId, Treaty treaty, LocalDate signedOn,
                        @AddedLater boolean withoutReservationAsToRatification, @AddedLater LocalDate entryIntoForceOn)
            implements MembershipEvent {
        public TreatySigned(String memberId, Treaty treaty, LocalDate signedOn) {
            this(memberId, treaty, signedOn, false, null);
        }
    }

    /** {@code entryIntoForceOn} is null while the treaty itself has no entry-into-force date. */
    @WireType("tcy.membership.InstrumentDeposited.v1")
    record InstrumentDeposited(String memberId, Treaty treaty, InstrumentKind kind, LocalDate depositedOn,
                               List<ArticleStatement> reservations, List<ArticleStatement> declarations,
                               LocalDate entryIntoForceOn) implements MembershipEvent {
        public InstrumentDeposited {
            reservations = reservations == null ? List.of() : List.copyOf(reservations);
            declarations = declarations == null ? List.of() : List.copyOf(declarations);
        }
    }

    /**
     * An invitation to accede to ETS185, valid until the day before {@code lapsesOn}
     * ({@link TreatyStatus#invitationLapsesOn}), which it carries since v2 so that no reader has to derive it. Events
     * stored as v1 read as this version, with {@code lapsesOn} derived ({@link InvitedToAccedeV1}).
     */
    @WireType("tcy.membership.InvitedToAccede.v2")
    @Supersedes(InvitedToAccedeV1.class)
    record InvitedToAccede(String memberId, LocalDate invitedOn, String reference, LocalDate lapsesOn)
            implements MembershipEvent {
        public InvitedToAccede {
            Objects.requireNonNull(lapsesOn, "lapsesOn");
        }
    }

    /**
     * The first shape of {@link InvitedToAccede}, without the day it lapses: read only, never written. Stored events
     * and the topic keep it as it was hashed; every reader gets it as v2.
     */
    @WireType("tcy.membership.InvitedToAccede.v1")
    record InvitedToAccedeV1(String memberId, LocalDate invitedOn, String reference)
            implements HistoricEvent<InvitedToAccede> {
        @Override
        public InvitedToAccede upcast() {
            return new InvitedToAccede(memberId, invitedOn, reference, TreatyStatus.invitationLapsesOn(invitedOn));
        }
    }

    /** {@code effectiveOn}: first day of the month after three months from notification (Article 47). */
    @WireType("tcy.membership.TreatyDenounced.v1")
    record TreatyDenounced(String memberId, Treaty treaty, LocalDate notifiedOn, LocalDate effectiveOn)
            implements MembershipEvent {
    }

    @WireType("tcy.membership.ObserverStatusGranted.v1")
    record ObserverStatusGranted(String memberId, LocalDate grantedOn, String reference) implements MembershipEvent {
    }

    @WireType("tcy.membership.ObserverStatusEnded.v1")
    record ObserverStatusEnded(String memberId, LocalDate endedOn) implements MembershipEvent {
    }

    /** The representative's name and email travel only sealed with the person's own key. */
    @WireType("tcy.membership.RepresentativeAppointed.v1")
    record RepresentativeAppointed(String memberId, String representativeId, RepresentativeRole role,
                                   LocalDate appointedOn, SealedPersonalData personalData) implements MembershipEvent {
    }

    @WireType("tcy.membership.RepresentativeWithdrawn.v1")
    record RepresentativeWithdrawn(String memberId, String representativeId, LocalDate withdrawnOn)
            implements MembershipEvent {
    }

    /**
     * The 24/7 point of contact of Article 35: the unit in clear, its phone and email sealed. It replaces every unit
     * the member had in the network from {@code designatedOn} (null in events stored before that field: from ever).
     */
    @WireType("tcy.membership.ContactPointDesignated.v1")
    record ContactPointDesignated(String memberId, String personId, String unit, SealedPersonalData personalData,
                                  @AddedLater LocalDate designatedOn) implements MembershipEvent {
        public ContactPointDesignated(String memberId, String personId, String unit, SealedPersonalData personalData) {
            this(memberId, personId, unit, personalData, null);
        }
    }

    /**
     * A further unit of the member in the 24/7 network: an institution, whose contact details are not personal
     * data, and optionally a named person, sealed with that person's key ({@code person.personId}).
     */
    @WireType("tcy.membership.ContactPointAdded.v1")
    record ContactPointAdded(String memberId, String unitId, String institution, String phone, String email,
                             String hours, LocalDate designatedOn, SealedPersonalData person)
            implements MembershipEvent {
    }

    /** A unit leaves the 24/7 network on {@code withdrawnOn}. */
    @WireType("tcy.membership.ContactPointWithdrawn.v1")
    record ContactPointWithdrawn(String memberId, String unitId, LocalDate withdrawnOn) implements MembershipEvent {
    }

    /**
     * A later notification to the Secretary General under a treaty the member signed or deposited: a reservation
     * or declaration, the withdrawal of one (naming its article), a territorial application, or the designation of
     * an authority (Articles 24(7), 27(2) and 35). In force from {@code effectiveOn} (the notification's date when
     * the notification gives none).
     */
    @WireType("tcy.membership.NotificationReceived.v1")
    record NotificationReceived(String memberId, Treaty treaty, NotificationKind kind, String article,
                                LocalDate notifiedOn, LocalDate effectiveOn, String text, Authority authority)
            implements MembershipEvent {
    }

    /** An authority designated under the treaty: an institution, never a named person. */
    record Authority(AuthorityFunction function, String institution, String address, String phone, String email) {
    }

    enum NotificationKind {
        RESERVATION, RESERVATION_WITHDRAWN, DECLARATION, DECLARATION_WITHDRAWN, TERRITORIAL_APPLICATION,
        AUTHORITY_DESIGNATED
    }

    enum AuthorityFunction { EXTRADITION_ART24, MUTUAL_ASSISTANCE_ART27, NETWORK_24_7_ART35 }

    /** The person's key is destroyed with this event: every sealed copy of their data becomes unreadable. */
    @WireType("tcy.membership.PersonalDataErased.v1")
    record PersonalDataErased(String memberId, String personId, String requestedBy, String reason)
            implements MembershipEvent {
    }

    @WireType("tcy.membership.InvitationCorrected.v1")
    record InvitationCorrected(String memberId, String correctsEventId, String reason, LocalDate invitedOn,
                               String reference) implements MembershipEvent, Correction {
    }

    @WireType("tcy.membership.SignatureCorrected.v1")
    record SignatureCorrected(String memberId, String correctsEventId, String reason, Treaty treaty,
                              LocalDate signedOn) implements MembershipEvent, Correction {
    }

    @WireType("tcy.membership.InstrumentDepositCorrected.v1")
    record InstrumentDepositCorrected(String memberId, String correctsEventId, String reason, Treaty treaty,
                                      InstrumentKind kind, LocalDate depositedOn, List<ArticleStatement> reservations,
                                      List<ArticleStatement> declarations, LocalDate entryIntoForceOn)
            implements MembershipEvent, Correction {
        public InstrumentDepositCorrected {
            reservations = reservations == null ? List.of() : List.copyOf(reservations);
            declarations = declarations == null ? List.of() : List.copyOf(declarations);
        }
    }

    @WireType("tcy.membership.DenunciationCorrected.v1")
    record DenunciationCorrected(String memberId, String correctsEventId, String reason, Treaty treaty,
                                 LocalDate notifiedOn, LocalDate effectiveOn) implements MembershipEvent, Correction {
    }

    /** An event that replaces a fact recorded wrongly by an earlier event, which stays in the history. */
    interface Correction {
        String correctsEventId();

        String reason();
    }

    /** Personal data encrypted (AES-GCM) with the key of {@code personId}; unreadable once that key is erased. */
    record SealedPersonalData(String personId, String ciphertext) {
    }

    /** A reservation or declaration made with an instrument, by article of the treaty. */
    record ArticleStatement(String article, String text) {
    }
}
