package org.tcyledger.assessments.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.assessments.cycle.Parties;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.register.MemberRegister;

/**
 * The Parties and the observer States from this service's replica of the register, once it has applied everything tcy.membership.v1 held
 * when asked (else 503), so that a command sees every step membership recorded before it.
 */
@ApplicationScoped
public class RegisterParties implements Parties {

    @Inject
    MemberRegister register;
    @Inject
    Clock clock;

    @Override
    public List<String> on(LocalDate date) {
        register.awaitCaughtUp();
        return register.on(date, Treaty.ETS185, TreatyStatus.PARTY).stream().map(RegisterEntry::id).toList();
    }

    @Override
    public List<String> observerStatesOn(LocalDate date) {
        register.awaitCaughtUp();
        return register.on(date, Treaty.ETS185, null).stream()
                .filter(entry -> entry.kind() == MemberKind.STATE && entry.capacity() == Capacity.OBSERVER)
                .map(RegisterEntry::id).toList();
    }

    @Override
    public boolean isPartyToday(String memberId) {
        register.awaitCaughtUp();
        return register.member(memberId, LocalDate.now(clock), Treaty.ETS185)
                .map(entry -> entry.status() == TreatyStatus.PARTY).orElse(false);
    }
}
