package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.meetings.meeting.MemberFacts;
import org.tcyledger.register.MemberRegister;

/**
 * The members register as meetings' replica of tcy.membership.v1 holds it. Each answer first waits until the replica
 * has applied what the topic held when asked (bounded by {@code tcy.replica.wait-ms}, else 503 with Retry-After), so
 * that a Party registered a moment ago attends as a Party.
 */
@ApplicationScoped
public class RegisterMemberFacts implements MemberFacts {

    @Inject
    MemberRegister register;

    @Override
    public Capacity capacityOn(String memberId, LocalDate date) {
        register.awaitCaughtUp();
        return register.member(memberId, date, Treaty.ETS185).map(RegisterEntry::capacity).orElse(Capacity.NONE);
    }

    @Override
    public boolean isPartyOn(String memberId, LocalDate date) {
        register.awaitCaughtUp();
        return register.member(memberId, date, Treaty.ETS185).map(entry -> entry.status() == TreatyStatus.PARTY)
                .orElse(false);
    }

    @Override
    public boolean hasDepositedBy(String memberId, LocalDate date) {
        register.awaitCaughtUp();
        return register.member(memberId, date, Treaty.ETS185).map(entry -> entry.status() == TreatyStatus.RATIFIED
                || entry.status() == TreatyStatus.PARTY || entry.status() == TreatyStatus.DENOUNCED).orElse(false);
    }

    @Override
    public long partiesOn(LocalDate date) {
        register.awaitCaughtUp();
        return register.partiesOn(date);
    }
}
