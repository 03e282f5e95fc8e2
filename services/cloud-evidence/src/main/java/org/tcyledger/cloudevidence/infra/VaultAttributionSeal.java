package org.tcyledger.cloudevidence.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.cloudevidence.consultation.AttributionSeal;
import org.tcyledger.eventsourcing.personal.PersonalDataVault;

/** The consultation's key in the vault, {@code consultation:<id>}: one per consultation, held by cloud-evidence alone. */
@ApplicationScoped
public class VaultAttributionSeal implements AttributionSeal {

    @Inject
    PersonalDataVault vault;

    @Override
    public String seal(String consultationId, String stakeholderId) {
        return vault.seal(consultationId, keyOf(consultationId), Map.of("stakeholderId", stakeholderId));
    }

    @Override
    public Optional<String> open(String consultationId, String sealed) {
        return vault.open(keyOf(consultationId), sealed).map(fields -> fields.get("stakeholderId"));
    }

    private static String keyOf(String consultationId) {
        return "consultation:" + consultationId;
    }
}
