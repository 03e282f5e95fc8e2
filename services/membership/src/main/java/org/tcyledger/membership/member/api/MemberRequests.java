package org.tcyledger.membership.member.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;

/** The shapes the membership endpoints accept; the domain's rules are the aggregate's, not these. */
final class MemberRequests {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private MemberRequests() {
    }

    record RegisterMember(@NotBlank @Pattern(regexp = ID) String id,
                          @NotBlank @Size(max = 200) String name,
                          @NotNull MemberKind kind,
                          @NotNull Boolean councilOfEuropeMember) {

        /** A State is named by its ISO 3166-1 alpha-2 code, an organisation by an upper-case slug. */
        @AssertTrue(message = "a State's id is its two upper-case letters (ISO 3166-1 alpha-2); an organisation's an upper-case slug")
        boolean isIdFitForKind() {
            if (id == null || kind == null) {
                return true;
            }
            return kind == MemberKind.STATE ? id.matches("^[A-Z]{2}$") : id.matches("^[A-Z0-9][A-Z0-9_-]{2,63}$");
        }
    }

    record SignTreaty(@NotNull Treaty treaty, @NotNull LocalDate signedOn) {
    }

    record ArticleStatement(@NotBlank @Size(max = 20) String article, @NotBlank @Size(max = 10000) String text) {
    }

    record DepositInstrument(@NotNull Treaty treaty,
                             @NotNull InstrumentKind kind,
                             @NotNull LocalDate depositedOn,
                             List<@Valid @NotNull ArticleStatement> reservations,
                             List<@Valid @NotNull ArticleStatement> declarations) {
    }
}
