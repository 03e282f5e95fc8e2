package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** When each treaty entered into force, as recorded so far; a treaty not in force has no date. */
public record TreatyCalendar(Map<Treaty, LocalDate> inForceOn) {

    public static final TreatyCalendar EMPTY = new TreatyCalendar(Map.of());

    public TreatyCalendar {
        inForceOn = Map.copyOf(inForceOn);
    }

    public Optional<LocalDate> inForceOn(Treaty treaty) {
        return Optional.ofNullable(inForceOn.get(treaty));
    }

    public TreatyCalendar with(Treaty treaty, LocalDate date) {
        Map<Treaty, LocalDate> next = new EnumMap<>(Treaty.class);
        next.putAll(inForceOn);
        next.put(treaty, date);
        return new TreatyCalendar(next);
    }

    /**
     * A member's entry into force: the date recorded with its deposit or, when the treaty entered into force only
     * later, derived from that date now; null while the treaty is not in force.
     */
    public LocalDate entryIntoForce(Treaty treaty, LocalDate depositedOn, LocalDate recorded) {
        if (depositedOn == null) {
            return null;
        }
        if (recorded != null) {
            return recorded;
        }
        return EntryIntoForce.forDeposit(depositedOn, inForceOn.get(treaty));
    }
}
