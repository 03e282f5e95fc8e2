package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Articles 36 and 37 of the Convention (and the protocols' equivalents): a member is bound from the first day of
 * the month following the expiration of three months after its deposit, but never before the treaty itself.
 */
public final class EntryIntoForce {

    private EntryIntoForce() {
    }

    /** The first day of the month after the three-month period that starts with the deposit has expired. */
    public static LocalDate ownDate(LocalDate depositedOn) {
        return depositedOn.plusMonths(3).with(TemporalAdjusters.firstDayOfNextMonth());
    }

    /** Null while the treaty has no entry-into-force date of its own. */
    public static LocalDate forDeposit(LocalDate depositedOn, LocalDate treatyInForceOn) {
        if (treatyInForceOn == null) {
            return null;
        }
        LocalDate own = ownDate(depositedOn);
        return own.isAfter(treatyInForceOn) ? own : treatyInForceOn;
    }

    /** A denunciation takes effect like a deposit: first day of the month after three months from notification. */
    public static LocalDate denunciationEffectiveOn(LocalDate notifiedOn) {
        return ownDate(notifiedOn);
    }
}
