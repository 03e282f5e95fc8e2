package org.tcyledger.membership.member.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.RepresentativeRole;
import org.tcyledger.contracts.membership.Treaty;

/** The shapes the membership endpoints accept; the domain's rules are the aggregate's, not these. */
final class MemberRequests {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String PHONE = "^\\+?[0-9 ()./-]{5,30}$";

    private MemberRequests() {
    }

    record RegisterMember(@NotBlank @Pattern(regexp = ID) String id,
                          @NotBlank @Size(max = 200) String name,
                          @NotNull MemberKind kind,
                          @NotNull Boolean councilOfEuropeMember) {

        /** A State is named by its ISO 3166-1 alpha-2 code, an organisation by an upper-case slug. */
        @AssertTrue(message = "a State's id is its two upper-case letters (ISO 3166-1 alpha-2); an organisation's an upper-case slug")
        @com.fasterxml.jackson.annotation.JsonIgnore
        boolean isIdFitForKind() {
            if (id == null || kind == null) {
                return true;
            }
            return kind == MemberKind.STATE ? id.matches("^[A-Z]{2}$") : id.matches("^[A-Z0-9][A-Z0-9_-]{2,63}$");
        }
    }

    record InviteToAccede(@NotNull LocalDate invitedOn, @Size(max = 200) String reference) {
    }

    /** {@code withoutReservationAsToRatification} (optional, false): the protocols' definitive signature. */
    record SignTreaty(@NotNull Treaty treaty, @NotNull LocalDate signedOn, Boolean withoutReservationAsToRatification) {
        boolean definitive() {
            return Boolean.TRUE.equals(withoutReservationAsToRatification);
        }
    }

    record Authority(@NotNull MembershipEvent.AuthorityFunction function,
                     @NotBlank @Size(max = 500) String institution,
                     @Size(max = 1000) String address,
                     @Pattern(regexp = PHONE) String phone,
                     @Email @Size(max = 200) String email) {
    }

    record Notify(@NotNull Treaty treaty,
                  @NotNull MembershipEvent.NotificationKind kind,
                  @NotBlank @Size(max = 20) String article,
                  @NotNull LocalDate notifiedOn,
                  LocalDate effectiveOn,
                  @NotBlank @Size(max = 10000) String text,
                  @Valid Authority authority) {
    }

    /** A unit of the 24/7 network: an institution, reachable by phone or email, optionally with a named person. */
    record AddContactPoint(@NotBlank @Size(max = 500) String institution,
                           @NotBlank @Pattern(regexp = PHONE) String phone,
                           @NotBlank @Email @Size(max = 200) String email,
                           @Size(max = 200) String hours,
                           @NotNull LocalDate designatedOn,
                           @Size(max = 200) String personName) {
    }

    record WithdrawContactPoint(@NotNull LocalDate withdrawnOn) {
    }

    record ArticleStatement(@NotBlank @Size(max = 20) String article, @NotBlank @Size(max = 10000) String text) {
    }

    record DepositInstrument(@NotNull Treaty treaty,
                             @NotNull InstrumentKind kind,
                             @NotNull LocalDate depositedOn,
                             @Size(max = 1000) List<@Valid @NotNull ArticleStatement> reservations,
                             @Size(max = 1000) List<@Valid @NotNull ArticleStatement> declarations) {
    }

    record Denounce(@NotNull Treaty treaty, @NotNull LocalDate notifiedOn) {
    }

    record GrantObserverStatus(@NotNull LocalDate grantedOn, @Size(max = 200) String reference) {
    }

    record EndObserverStatus(@NotNull LocalDate endedOn) {
    }

    record AppointRepresentative(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Email @Size(max = 200) String email,
                                 @NotNull RepresentativeRole role,
                                 @NotNull LocalDate appointedOn) {
    }

    record WithdrawRepresentative(@NotNull LocalDate withdrawnOn) {
    }

    /** {@code designatedOn} is optional (a designation without it counts from ever, as before it existed). */
    record DesignateContactPoint(@NotBlank @Size(max = 200) String unit,
                                 @NotBlank @Pattern(regexp = PHONE) String phone,
                                 @NotBlank @Email @Size(max = 200) String email,
                                 LocalDate designatedOn) {
    }

    record ErasePersonalData(@NotBlank @Size(max = 200) String requestedBy, @NotBlank @Size(max = 2000) String reason) {
    }

    /** The fields of the fact being corrected are required by the kind of that fact, which only the member knows. */
    record CorrectFact(@NotBlank @Size(max = 64) String correctsEventId,
                       @NotBlank @Size(max = 2000) String reason,
                       LocalDate invitedOn, @Size(max = 200) String reference,
                       Treaty treaty, LocalDate signedOn,
                       InstrumentKind kind, LocalDate depositedOn,
                       @Size(max = 1000) List<@Valid @NotNull ArticleStatement> reservations,
                       @Size(max = 1000) List<@Valid @NotNull ArticleStatement> declarations,
                       LocalDate notifiedOn) {
    }
}
