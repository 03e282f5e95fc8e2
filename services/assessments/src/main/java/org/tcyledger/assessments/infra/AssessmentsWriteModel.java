package org.tcyledger.assessments.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.tcyledger.assessments.cycle.AssessmentCycle;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.eventsourcing.WriteModel;

public class AssessmentsWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel() {
        return new WriteModel("assessments", Topics.ASSESSMENTS, List.of(AssessmentCycle.class),
                new EventCatalog(AssessmentEvent.class));
    }
}
