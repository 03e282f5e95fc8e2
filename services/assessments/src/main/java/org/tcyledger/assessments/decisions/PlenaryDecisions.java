package org.tcyledger.assessments.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.eventsourcing.consumer.PlenaryDecisionConsumer;

/**
 * Adoption happens because the plenary decided it: each ADOPT_ASSESSMENT_REPORT decision becomes AdoptReport. A
 * replayed decision is skipped by its event id in the consumer and by its decision id in the cycle.
 */
@ApplicationScoped
public class PlenaryDecisions extends PlenaryDecisionConsumer {

    @Override
    public String group() {
        return "assessments-decisions";
    }

    @Override
    protected DecisionKind kind() {
        return DecisionKind.ADOPT_ASSESSMENT_REPORT;
    }

    @Override
    protected Object commandFor(DecisionAdopted decision) {
        return new AdoptReport(decision.subject(), decision.version(), decision.meetingId(), decision.decisionId(),
                decision.adoptedOn());
    }
}
