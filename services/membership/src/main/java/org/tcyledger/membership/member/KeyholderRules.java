package org.tcyledger.membership.member;

import java.util.List;
import java.util.Set;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;

/**
 * What the keyholder (the projection's service identity) may open (domain.md, Roles): the data of a contact point
 * (a designated point, or the person named for a unit of the 24/7 network),
 * designated now or before (a rebuild replays every designation), with a token scoped to contact points. A
 * representative's name and email, or anyone else's data, stay sealed for it.
 */
public final class KeyholderRules {

    private KeyholderRules() {
    }

    /** The token's {@code scope} claim (space-separated, as OAuth 2.0 writes it) grants {@code scope}. */
    public static boolean grants(Object scopeClaim, String scope) {
        return scopeClaim != null && Set.of(scopeClaim.toString().trim().split("\\s+")).contains(scope);
    }

    /** Whether the member's history designates {@code personId} as a contact point, now or at any time before. */
    public static boolean isOrWasContactPoint(String personId, List<MembershipEvent> history) {
        return history.stream().anyMatch(event -> event instanceof ContactPointDesignated designated
                                                  && designated.personId().equals(personId)
                                                  || event instanceof MembershipEvent.ContactPointAdded added
                                                     && added.person() != null
                                                     && added.person().personId().equals(personId));
    }
}
