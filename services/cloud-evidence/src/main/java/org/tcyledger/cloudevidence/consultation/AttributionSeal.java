package org.tcyledger.cloudevidence.consultation;

import java.util.Optional;

/**
 * Seals and opens who made a submission with the consultation's own key, which cloud-evidence alone holds. The
 * Consultation's handlers receive it from Axon; {@link ChathamHouse} decides when it is used.
 */
public interface AttributionSeal {

    String seal(String consultationId, String stakeholderId);

    /** The stakeholder's id, or empty once the consultation's key was destroyed. */
    Optional<String> open(String consultationId, String sealed);
}
