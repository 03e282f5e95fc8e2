package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.WireType;

/** Everything the membership context publishes on {@code tcy.membership.v1}; each event concerns one member. */
public sealed interface MembershipEvent {

    String memberId();

    @WireType("tcy.membership.MemberRegistered.v1")
    record MemberRegistered(String memberId, String name, MemberKind kind, boolean councilOfEuropeMember)
            implements MembershipEvent {
    }

    @WireType("tcy.membership.TreatySigned.v1")
    record TreatySigned(String memberId, Treaty treaty, LocalDate signedOn) implements MembershipEvent {
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

    @WireType("tcy.membership.InvitedToAccede.v1")
    record InvitedToAccede(String memberId, LocalDate invitedOn, String reference) implements MembershipEvent {
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

    /** The 24/7 point of contact of Article 35: the unit in clear, its phone and email sealed. */
    @WireType("tcy.membership.ContactPointDesignated.v1")
    record ContactPointDesignated(String memberId, String personId, String unit, SealedPersonalData personalData)
            implements MembershipEvent {
    }

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
