package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import org.tcyledger.contracts.WireType;

/** Events of the treaties themselves, on {@code tcy.membership.v1} with the treaty's id as subject. */
public sealed interface TreatyEvent {

    Treaty treaty();

    /** From this date members' deposits count: a member's entry into force is never earlier. */
    @WireType("tcy.membership.TreatyEnteredIntoForce.v1")
    record TreatyEnteredIntoForce(Treaty treaty, LocalDate inForceOn) implements TreatyEvent {
    }
}
