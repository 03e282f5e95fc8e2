package org.tcyledger.cloudevidence.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.tcyledger.cloudevidence.consultation.AttributionSeal;
import org.tcyledger.cloudevidence.consultation.Consultation;
import org.tcyledger.cloudevidence.consultation.StakeholderNames;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.eventsourcing.WriteModel;

public class CloudEvidenceWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel(VaultAttributionSeal attributions, VaultStakeholderNames names) {
        return new WriteModel("cloud-evidence", Topics.CLOUD_EVIDENCE, List.of(Consultation.class),
                new EventCatalog(ConsultationEvent.class),
                Map.of(AttributionSeal.class, attributions, StakeholderNames.class, names));
    }
}
