package org.tcyledger.membership.member;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.Treaty;

/** What the secretariat can ask of a member (domain.md §1). */
public final class MemberCommands {

    private MemberCommands() {
    }

    public record RegisterMember(String memberId, String name, MemberKind kind, boolean councilOfEuropeMember) {
    }

    public record SignTreaty(@TargetAggregateIdentifier String memberId, Treaty treaty, LocalDate signedOn) {
    }

    public record DepositInstrument(@TargetAggregateIdentifier String memberId, Treaty treaty, InstrumentKind kind,
                                    LocalDate depositedOn, List<ArticleStatement> reservations,
                                    List<ArticleStatement> declarations) {
    }
}
