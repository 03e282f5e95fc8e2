package org.tcyledger.eventsourcing.web;

/** The roles of the {@code groups} claim of our bearer tokens (domain.md, Roles). */
public final class Roles {
    public static final String SECRETARIAT = "secretariat";
    public static final String OBSERVER = "observer";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
