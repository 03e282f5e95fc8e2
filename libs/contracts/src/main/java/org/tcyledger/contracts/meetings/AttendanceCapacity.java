package org.tcyledger.contracts.meetings;

import org.tcyledger.contracts.membership.Capacity;

/** How a member sits in a meeting: its committee capacity on the first day, or as an ad-hoc observer. */
public enum AttendanceCapacity {
    PARTY, OBSERVER, AD_HOC_OBSERVER;

    public static AttendanceCapacity of(Capacity capacity) {
        return switch (capacity) {
            case PARTY -> PARTY;
            case OBSERVER -> OBSERVER;
            case NONE -> AD_HOC_OBSERVER;
        };
    }
}
