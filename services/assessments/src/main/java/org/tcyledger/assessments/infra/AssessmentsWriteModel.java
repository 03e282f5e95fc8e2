package org.tcyledger.assessments.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.tcyledger.assessments.cycle.AssessmentCycle;
import org.tcyledger.assessments.cycle.Parties;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.eventsourcing.WriteModel;

public class AssessmentsWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel(RegisterParties parties) {
        return new WriteModel("assessments", Topics.ASSESSMENTS, List.of(AssessmentCycle.class),
                new EventCatalog(AssessmentEvent.class), Map.of(Parties.class, parties));
    }
}
