package org.tcyledger.contracts.membership;

/** A member's capacity in the committee on a date, derived from its ETS185 status and observer status. */
public enum Capacity {
    PARTY, OBSERVER, NONE;

    public static Capacity of(TreatyStatus ets185Status, boolean holdsObserverStatus) {
        return switch (ets185Status) {
            case PARTY -> PARTY;
            case RATIFIED, SIGNATORY, INVITED -> OBSERVER;
            case DENOUNCED, NONE -> holdsObserverStatus ? OBSERVER : NONE;
        };
    }
}
