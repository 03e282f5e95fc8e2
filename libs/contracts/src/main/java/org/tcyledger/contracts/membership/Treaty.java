package org.tcyledger.contracts.membership;

import java.time.LocalDate;
import java.util.Set;

/**
 * The three treaties the committee follows, with the dates their texts were opened for signature. When each
 * entered into force is recorded as an event ({@link TreatyEvent.TreatyEnteredIntoForce}), so every replica sees it.
 */
public enum Treaty {
    ETS185(LocalDate.parse("2001-11-23"), "Convention on Cybercrime"),
    ETS189(LocalDate.parse("2003-01-28"), "Additional Protocol to the Convention on Cybercrime, concerning the "
            + "criminalisation of acts of a racist and xenophobic nature committed through computer systems"),
    CETS224(LocalDate.parse("2022-05-12"), "Second Additional Protocol to the Convention on Cybercrime on enhanced "
            + "co-operation and disclosure of electronic evidence");

    private final LocalDate openedOn;
    private final String title;

    Treaty(LocalDate openedOn, String title) {
        this.openedOn = openedOn;
        this.title = title;
    }

    /** The title as the Treaty Office gives it. */
    public String title() {
        return title;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public boolean isProtocol() {
        return this != ETS185;
    }

    /**
     * The States outside the Council of Europe that took part in elaborating the Convention and may sign it (Article
     * 36(1)): a property of ETS185's final clauses, not of the member. Every other non-member accedes (Article 37).
     */
    public Set<String> nonMemberSignatories() {
        return this == ETS185 ? Set.of("CA", "JP", "ZA", "US") : Set.of();
    }

    /** Only the protocols allow consent by a signature without reservation as to ratification. */
    public boolean allowsSignatureWithoutReservation() {
        return isProtocol();
    }
}
