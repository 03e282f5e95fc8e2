package org.tcyledger.cloudevidence.decisions;

import jakarta.enterprise.context.ApplicationScoped;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.EndorseRecommendations;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.eventsourcing.consumer.PlenaryDecisionConsumer;

/** Each ENDORSE_CEG_RECOMMENDATIONS decision becomes RecommendationsEndorsed, once. */
@ApplicationScoped
public class PlenaryEndorsements extends PlenaryDecisionConsumer {

    @Override
    public String group() {
        return "cloud-evidence-decisions";
    }

    @Override
    protected DecisionKind kind() {
        return DecisionKind.ENDORSE_CEG_RECOMMENDATIONS;
    }

    @Override
    protected Object commandFor(DecisionAdopted decision) {
        return new EndorseRecommendations(decision.subject(), decision.meetingId(), decision.decisionId(),
                decision.adoptedOn());
    }
}
