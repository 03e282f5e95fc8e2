package org.tcyledger.contracts.membership;

import java.time.LocalDate;

/**
 * The three treaties the committee follows, with the dates their texts were opened for signature. When each
 * entered into force is recorded as an event ({@link TreatyEvent.TreatyEnteredIntoForce}), so every replica sees it.
 */
public enum Treaty {
    ETS185(LocalDate.parse("2001-11-23")),
    ETS189(LocalDate.parse("2003-01-28")),
    CETS224(LocalDate.parse("2022-05-12"));

    private final LocalDate openedOn;

    Treaty(LocalDate openedOn) {
        this.openedOn = openedOn;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public boolean isProtocol() {
        return this != ETS185;
    }
}
