package org.tcyledger.cloudevidence.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.tcyledger.cloudevidence.consultation.AttributionSeal;
import org.tcyledger.cloudevidence.consultation.Consultation;
import org.tcyledger.cloudevidence.consultation.StakeholderNames;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.Topics;
import org.tcyledger.eventsourcing.WriteModel;

public class CloudEvidenceWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel(VaultAttributionSeal attributions, VaultStakeholderNames names) {
        return new WriteModel("cloud-evidence", Topics.CLOUD_EVIDENCE, List.of(Consultation.class),
                TopicContract.CLOUD_EVIDENCE.catalog(),
                Map.of(AttributionSeal.class, attributions, StakeholderNames.class, names));
    }
}
