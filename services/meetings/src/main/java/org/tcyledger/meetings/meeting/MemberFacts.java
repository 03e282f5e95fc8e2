package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import org.tcyledger.contracts.membership.Capacity;

/**
 * What meetings needs to know of the members register (membership's context), answered from its replica once the
 * replica has caught up with tcy.membership.v1 (else 503). Handlers of the Meeting aggregate receive it from Axon.
 */
public interface MemberFacts {

    /** The member's committee capacity on {@code date} (domain.md §1); NONE for a member the register lacks. */
    Capacity capacityOn(String memberId, LocalDate date);

    /** Whether the member is a Party to ETS185 on {@code date}. */
    boolean isPartyOn(String memberId, LocalDate date);

    /** Whether the member had deposited its instrument for ETS185 by {@code date} (in force or not yet). */
    boolean hasDepositedBy(String memberId, LocalDate date);

    /** P of the quorum rule: the number of Parties to ETS185 on {@code date}. */
    long partiesOn(LocalDate date);
}
