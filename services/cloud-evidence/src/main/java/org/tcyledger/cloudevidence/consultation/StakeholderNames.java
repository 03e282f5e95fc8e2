package org.tcyledger.cloudevidence.consultation;

import java.util.Optional;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;

/**
 * Seals and opens stakeholders' names with a key per stakeholder, the way membership seals people's data: most
 * stakeholders are organisations, but nothing stops one from being a named person, and the register of a
 * consultation cannot tell. So a name is stored only sealed ({@code StakeholderRegistered.sealedName}); destroying
 * the stakeholder's key erases it from every copy. The Consultation's handlers receive it from Axon.
 */
public interface StakeholderNames {

    String seal(String consultationId, String stakeholderId, String name);

    /** The name, or empty once the stakeholder's key was destroyed. */
    Optional<String> open(String stakeholderId, String sealedName);

    /** The name as the secretariat reads it: opened, {@code "[erased]"} once its key is gone, or in clear if recorded so. */
    default String nameOf(StakeholderRegistered registered) {
        if (registered.sealedName() == null) {
            return registered.name();
        }
        return open(registered.stakeholderId(), registered.sealedName()).orElse(ChathamHouse.ERASED);
    }
}
