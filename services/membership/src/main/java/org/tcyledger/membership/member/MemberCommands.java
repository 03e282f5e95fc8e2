package org.tcyledger.membership.member;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.RepresentativeRole;
import org.tcyledger.contracts.membership.Treaty;

/** What the secretariat can ask of a member (domain.md §1). Personal data arrives in clear; the Member seals it. */
public final class MemberCommands {

    private MemberCommands() {
    }

    public record RegisterMember(String memberId, String name, MemberKind kind, boolean councilOfEuropeMember) {
    }

    public record InviteToAccede(@TargetAggregateIdentifier String memberId, LocalDate invitedOn, String reference) {
    }

    /** {@code withoutReservationAsToRatification}: the protocols' signature that is itself the consent to be bound. */
    public record SignTreaty(@TargetAggregateIdentifier String memberId, Treaty treaty, LocalDate signedOn,
                             boolean withoutReservationAsToRatification) {
        public SignTreaty(String memberId, Treaty treaty, LocalDate signedOn) {
            this(memberId, treaty, signedOn, false);
        }
    }

    public record DepositInstrument(@TargetAggregateIdentifier String memberId, Treaty treaty, InstrumentKind kind,
                                    LocalDate depositedOn, List<ArticleStatement> reservations,
                                    List<ArticleStatement> declarations) {
    }

    public record Denounce(@TargetAggregateIdentifier String memberId, Treaty treaty, LocalDate notifiedOn) {
    }

    public record GrantObserverStatus(@TargetAggregateIdentifier String memberId, LocalDate grantedOn, String reference) {
    }

    public record EndObserverStatus(@TargetAggregateIdentifier String memberId, LocalDate endedOn) {
    }

    /** {@code name} and {@code email} are stored only sealed with the representative's key ({@link PersonalData}). */
    public record AppointRepresentative(@TargetAggregateIdentifier String memberId, String representativeId,
                                        RepresentativeRole role, LocalDate appointedOn, String name, String email) {
    }

    public record WithdrawRepresentative(@TargetAggregateIdentifier String memberId, String representativeId,
                                         LocalDate withdrawnOn) {
    }

    /** {@code phone} and {@code email} are stored only sealed with the person's key ({@link PersonalData}). */
    public record DesignateContactPoint(@TargetAggregateIdentifier String memberId, String personId, String unit,
                                        String phone, String email, LocalDate designatedOn) {
        public DesignateContactPoint(String memberId, String personId, String unit, String phone, String email) {
            this(memberId, personId, unit, phone, email, null);
        }
    }

    /**
     * A further unit in the 24/7 network: the institution's contact details in clear, a named person ({@code
     * personName}, optional) sealed under {@code personId}'s key.
     */
    public record AddContactPoint(@TargetAggregateIdentifier String memberId, String unitId, String institution,
                                  String phone, String email, String hours, LocalDate designatedOn,
                                  String personId, String personName) {
    }

    public record WithdrawContactPoint(@TargetAggregateIdentifier String memberId, String unitId,
                                       LocalDate withdrawnOn) {
    }

    /** A later notification under a treaty ({@code MembershipEvent.NotificationReceived}). */
    public record Notify(@TargetAggregateIdentifier String memberId, Treaty treaty,
                         MembershipEvent.NotificationKind kind, String article, LocalDate notifiedOn,
                         LocalDate effectiveOn, String text, MembershipEvent.Authority authority) {
    }

    public record ErasePersonalData(@TargetAggregateIdentifier String memberId, String personId, String requestedBy,
                                    String reason) {
    }

    /** Corrects the fact recorded by {@code correctsEventId}; only the fields of that kind of fact are read. */
    public record CorrectFact(@TargetAggregateIdentifier String memberId, String correctsEventId, String reason,
                              LocalDate invitedOn, String reference, Treaty treaty, LocalDate signedOn,
                              InstrumentKind kind, LocalDate depositedOn, List<ArticleStatement> reservations,
                              List<ArticleStatement> declarations, LocalDate notifiedOn) {
    }
}
