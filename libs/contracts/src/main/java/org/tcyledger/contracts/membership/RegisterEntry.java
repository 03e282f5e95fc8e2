package org.tcyledger.contracts.membership;

import java.time.LocalDate;

/**
 * One line of the members register: a member under one treaty on a date. Membership's own register and the
 * projection's answer with this same shape, so that an observer and the secretariat can be compared line by line.
 */
public record RegisterEntry(String id, String name, MemberKind kind, Treaty treaty, TreatyStatus status,
                            LocalDate entryIntoForceOn, Capacity capacity, ContactPoint contactPoint) {

    /** The 24/7 point of contact (Article 35); phone and email read "[erased]" once the person's data was erased. */
    public record ContactPoint(String unit, String phone, String email) {
    }
}
