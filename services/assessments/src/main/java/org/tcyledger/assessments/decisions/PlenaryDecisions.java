package org.tcyledger.assessments.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptSupplement;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.eventsourcing.consumer.PlenaryDecisionConsumer;

/**
 * Adoption happens because the plenary decided it: each ADOPT_ASSESSMENT_REPORT decision becomes AdoptReport, or
 * AdoptSupplement when its subject names a supplement, {@code {cycleId}/{supplementId}}. A replayed decision is skipped by its event id in the consumer and by its decision id in the cycle.
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
        String subject = decision.subject();
        int slash = subject.indexOf('/');
        if (slash >= 0) {
            return new AdoptSupplement(subject.substring(0, slash), subject.substring(slash + 1), decision.version(),
                    decision.meetingId(), decision.decisionId(), decision.adoptedOn(), decision.documentSymbol());
        }
        return new AdoptReport(subject, decision.version(), decision.meetingId(), decision.decisionId(),
                decision.adoptedOn(), decision.documentSymbol());
    }

    /** A supplement's subject is {@code {cycleId}/{supplementId}}: the decision goes to the cycle. */
    @Override
    protected String aggregateOf(DecisionAdopted decision) {
        String subject = decision.subject();
        int slash = subject.indexOf('/');
        return slash >= 0 ? subject.substring(0, slash) : subject;
    }
}
