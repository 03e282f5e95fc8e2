package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * When a treaty itself enters into force, derived from the consents the register holds (domain.md §1): the first
 * day of the month after three months from the date on which the required consents were given.
 * <ul>
 *   <li>ETS185 (Article 36(3)): five States, of which at least three member States of the Council of Europe;</li>
 *   <li>ETS189 (Article 10): five States;</li>
 *   <li>CETS224 (Article 16(3)): five Parties to ETS185.</li>
 * </ul>
 * A consent is a deposit of an instrument, or for the protocols a signature without reservation as to ratification.
 */
public final class TreatyEntryIntoForce {

    /** The number of consents that bring each of the three treaties into force. */
    public static final int REQUIRED_CONSENTS = 5;
    /** ETS185 only: how many of those five must be member States of the Council of Europe. */
    public static final int REQUIRED_COUNCIL_OF_EUROPE_MEMBERS = 3;

    private TreatyEntryIntoForce() {
    }

    /**
     * One member's consent to be bound: {@code partyToConvention} says whether it was a Party to ETS185 on that day
     * (it counts for CETS224 only then).
     */
    public record Consent(String memberId, MemberKind kind, boolean councilOfEuropeMember, LocalDate on,
                          boolean partyToConvention) {
    }

    /** The consent that completed the required number (null while too few), and the date that follows from it. */
    public record Derived(Consent decisive, LocalDate inForceOn) {
        public static final Derived NOT_YET = new Derived(null, null);
    }

    public static Derived derive(Treaty treaty, List<Consent> consents) {
        int counted = 0;
        int councilOfEuropeMembers = 0;
        for (Consent consent : consents.stream().sorted(Comparator.comparing(Consent::on)
                .thenComparing(Consent::memberId)).toList()) {
            if (!counts(treaty, consent)) {
                continue;
            }
            counted++;
            if (consent.councilOfEuropeMember()) {
                councilOfEuropeMembers++;
            }
            boolean enough = counted >= REQUIRED_CONSENTS && (treaty != Treaty.ETS185
                    || councilOfEuropeMembers >= REQUIRED_COUNCIL_OF_EUROPE_MEMBERS);
            if (enough) {
                return new Derived(consent, EntryIntoForce.ownDate(consent.on()));
            }
        }
        return Derived.NOT_YET;
    }

    /** Whether the consent counts towards the treaty's own entry into force (a State; for CETS224 a Party to ETS185). */
    public static boolean counts(Treaty treaty, Consent consent) {
        if (consent.kind() != MemberKind.STATE) {
            return false;
        }
        return treaty != Treaty.CETS224 || consent.partyToConvention();
    }
}
