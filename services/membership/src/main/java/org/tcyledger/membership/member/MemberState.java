package org.tcyledger.membership.member;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;

/**
 * A member as its events made it: the aggregate decides on it, and every read (current, as of a date, at a
 * sequence, as recorded by a time) is the same fold over the stored events.
 */
public record MemberState(String id, String name, MemberKind kind, boolean councilOfEuropeMember,
                          Map<Treaty, TreatyRecord> treaties) {

    /** One treaty's steps for this member. */
    public record TreatyRecord(LocalDate signedOn, InstrumentKind instrument, LocalDate depositedOn,
                               LocalDate entryIntoForceOn, List<ArticleStatement> reservations,
                               List<ArticleStatement> declarations) {
        static final TreatyRecord NONE = new TreatyRecord(null, null, null, null, List.of(), List.of());

        public TreatyStatus.Steps steps() {
            return new TreatyStatus.Steps(null, signedOn, depositedOn, entryIntoForceOn, null);
        }
    }

    public static final MemberState UNREGISTERED = new MemberState(null, null, null, false, Map.of());

    public TreatyRecord treaty(Treaty treaty) {
        return treaties.getOrDefault(treaty, TreatyRecord.NONE);
    }

    public TreatyStatus statusOn(Treaty treaty, LocalDate date) {
        return TreatyStatus.on(date, treaty(treaty).steps());
    }

    public MemberState evolve(MembershipEvent event) {
        return switch (event) {
            case MemberRegistered registered -> new MemberState(registered.memberId(), registered.name(),
                    registered.kind(), registered.councilOfEuropeMember(), Map.of());
            case TreatySigned signed -> with(signed.treaty(), new TreatyRecord(signed.signedOn(), null, null, null,
                    List.of(), List.of()));
            case InstrumentDeposited deposited -> {
                TreatyRecord before = treaty(deposited.treaty());
                yield with(deposited.treaty(), new TreatyRecord(before.signedOn(), deposited.kind(),
                        deposited.depositedOn(), deposited.entryIntoForceOn(), deposited.reservations(),
                        deposited.declarations()));
            }
        };
    }

    private MemberState with(Treaty treaty, TreatyRecord record) {
        Map<Treaty, TreatyRecord> next = new EnumMap<>(Treaty.class);
        next.putAll(treaties);
        next.put(treaty, record);
        return new MemberState(id, name, kind, councilOfEuropeMember, Map.copyOf(next));
    }
}
