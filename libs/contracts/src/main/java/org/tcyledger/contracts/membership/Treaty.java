package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The three treaties the committee follows. The opening dates are fixed facts of the treaties' texts. The
 * treaties' own entry-into-force dates are given here for the first membership slice; the Treaty aggregate of
 * the membership context (issue 3) records them as events so that every replica sees them.
 */
public enum Treaty {
    ETS185(LocalDate.parse("2001-11-23"), LocalDate.parse("2004-07-01")),
    ETS189(LocalDate.parse("2003-01-28"), LocalDate.parse("2006-03-01")),
    CETS224(LocalDate.parse("2022-05-12"), null);

    private final LocalDate openedOn;
    private final LocalDate inForceOn;

    Treaty(LocalDate openedOn, LocalDate inForceOn) {
        this.openedOn = openedOn;
        this.inForceOn = inForceOn;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public Optional<LocalDate> inForceOn() {
        return Optional.ofNullable(inForceOn);
    }

    public boolean isProtocol() {
        return this != ETS185;
    }
}
