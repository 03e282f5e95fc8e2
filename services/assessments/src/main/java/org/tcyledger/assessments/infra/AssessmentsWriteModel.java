package org.tcyledger.assessments.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.tcyledger.assessments.cycle.AssessmentCycle;
import org.tcyledger.assessments.cycle.Parties;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.Topics;
import org.tcyledger.eventsourcing.WriteModel;

public class AssessmentsWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel(RegisterParties parties) {
        return new WriteModel("assessments", Topics.ASSESSMENTS, List.of(AssessmentCycle.class),
                TopicContract.ASSESSMENTS.catalog(), Map.of(Parties.class, parties));
    }
}
