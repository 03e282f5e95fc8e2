package org.tcyledger.membership.treaty.api;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.membership.Treaty;

/**
 * A treaty as {@code GET /treaties/{id}} answers it (domain.md §1): its entry into force as recorded, and as derived
 * from the consents the register holds ({@code TreatyEntryIntoForce}); {@code consistent} when the two agree.
 */
record TreatyView(Treaty id, String title, LocalDate openedOn, LocalDate inForceOn, LocalDate derivedInForceOn,
                  List<ConsentView> consents, boolean consistent) {

    /**
     * One member's consent to be bound: {@code by} is its instrument or SIGNATURE_WITHOUT_RESERVATION; {@code
     * counted} whether it counts towards the treaty's own entry into force; {@code decisive} the consent that
     * completed the number required.
     */
    record ConsentView(String memberId, String name, LocalDate on, String by, boolean councilOfEuropeMember,
                       boolean counted, boolean decisive) {
    }
}
