package org.tcyledger.eventsourcing.web;

/** The roles of the {@code groups} claim of our bearer tokens (domain.md, Roles). */
public final class Roles {
    public static final String SECRETARIAT = "secretariat";
    public static final String OBSERVER = "observer";
    public static final String AUDITOR = "auditor";
    /** The 24/7 network's own members: they read its directory ({@code GET /network}), nothing else. */
    public static final String NETWORK = "network";
    /** A service (the projection) that may open sealed personal data while the person's key exists. */
    public static final String KEYHOLDER = "keyholder";
    /**
     * The scope (the {@code scope} claim) a keyholder's token must carry: it opens contact points, and only them.
     * The issuer grants it to the projection's keyholder credential alone.
     */
    public static final String CONTACT_POINTS_SCOPE = "unseal:contact-points";

    private Roles() {
    }
}
