package org.tcyledger.cloudevidence.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;
import org.tcyledger.eventsourcing.personal.PersonalDataVault;

/**
 * Stakeholders' names, sealed with a key per stakeholder before they are stored, the way membership seals people's
 * data: most stakeholders are organisations, but nothing stops one from being a named person, and the register of a
 * consultation cannot tell. Destroying the key ({@code stakeholder:<id>}) erases the name from every copy.
 */
@ApplicationScoped
public class StakeholderNames {

    @Inject
    PersonalDataVault vault;

    public String seal(String consultationId, String stakeholderId, String name) {
        return vault.seal(consultationId, keyOf(stakeholderId), Map.of("name", name));
    }

    /** The name as the secretariat reads it: opened, {@code "[erased]"} once its key is gone, or in clear if recorded so. */
    public String open(StakeholderRegistered registered) {
        if (registered.sealedName() == null) {
            return registered.name();
        }
        return vault.open(keyOf(registered.stakeholderId()), registered.sealedName())
                .map(fields -> fields.get("name")).orElse(PersonalDataVault.ERASED);
    }

    private static String keyOf(String stakeholderId) {
        return "stakeholder:" + stakeholderId;
    }
}
