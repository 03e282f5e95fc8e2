package org.tcyledger.cloudevidence.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.cloudevidence.consultation.StakeholderNames;
import org.tcyledger.eventsourcing.personal.PersonalDataVault;

/** Stakeholders' names in the vault, under the key {@code stakeholder:<id>}. */
@ApplicationScoped
public class VaultStakeholderNames implements StakeholderNames {

    @Inject
    PersonalDataVault vault;

    @Override
    public String seal(String consultationId, String stakeholderId, String name) {
        return vault.seal(consultationId, keyOf(stakeholderId), Map.of("name", name));
    }

    @Override
    public Optional<String> open(String stakeholderId, String sealedName) {
        return vault.open(keyOf(stakeholderId), sealedName).map(fields -> fields.get("name"));
    }

    private static String keyOf(String stakeholderId) {
        return "stakeholder:" + stakeholderId;
    }
}
