package org.tcyledger.membership.member;

import org.tcyledger.contracts.membership.TreatyCalendar;

/** The treaties' entry-into-force dates as recorded now; handlers of the Member aggregate receive it from Axon. */
@FunctionalInterface
public interface TreatyCalendars {
    TreatyCalendar current();
}
