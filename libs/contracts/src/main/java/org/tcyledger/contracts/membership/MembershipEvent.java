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

    /** A reservation or declaration made with an instrument, by article of the treaty. */
    record ArticleStatement(String article, String text) {
    }
}
