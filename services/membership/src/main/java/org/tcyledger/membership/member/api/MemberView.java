package org.tcyledger.membership.member.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.membership.member.MemberState;

/** A member as the secretariat reads it on a legal date: only the steps taken by then count. */
record MemberView(String id, String name, MemberKind kind, boolean councilOfEuropeMember, LocalDate asOf,
                  Capacity capacity, List<TreatyView> treaties) {

    record TreatyView(Treaty treaty, TreatyStatus status, LocalDate signedOn, InstrumentKind instrument,
                      LocalDate depositedOn, LocalDate entryIntoForceOn) {
    }

    static MemberView of(MemberState state, LocalDate asOf) {
        List<TreatyView> treaties = Arrays.stream(Treaty.values())
                .map(treaty -> {
                    MemberState.TreatyRecord record = state.treaty(treaty);
                    boolean deposited = onOrBefore(record.depositedOn(), asOf);
                    return new TreatyView(treaty, state.statusOn(treaty, asOf),
                            onOrBefore(record.signedOn(), asOf) ? record.signedOn() : null,
                            deposited ? record.instrument() : null,
                            deposited ? record.depositedOn() : null,
                            deposited ? record.entryIntoForceOn() : null);
                })
                .filter(view -> view.status() != TreatyStatus.NONE)
                .toList();
        Capacity capacity = Capacity.of(state.statusOn(Treaty.ETS185, asOf), false);
        return new MemberView(state.id(), state.name(), state.kind(), state.councilOfEuropeMember(), asOf,
                capacity, treaties);
    }

    private static boolean onOrBefore(LocalDate step, LocalDate date) {
        return step != null && !step.isAfter(date);
    }
}
