package org.tcyledger.cloudevidence.decisions;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.logging.Logger;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.EndorseRecommendations;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;

/** Each ENDORSE_CEG_RECOMMENDATIONS decision on tcy.meetings.v1 becomes RecommendationsEndorsed, once. */
@ApplicationScoped
public class PlenaryEndorsements implements TopicConsumer {

    private static final Logger LOG = Logger.getLogger(PlenaryEndorsements.class);
    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    @Inject
    CommandGateway commands;

    @Override
    public String group() {
        return "cloud-evidence-decisions";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MEETINGS);
    }

    @Override
    public void apply(EventEnvelope event, Connection connection) {
        if (!"tcy.meetings.DecisionAdopted.v1".equals(event.type())) {
            return;
        }
        MeetingEvent.DecisionAdopted decision;
        try {
            decision = JSON.readValue(event.data(), MeetingEvent.DecisionAdopted.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read decision " + event.id(), e);
        }
        if (decision.kind() != DecisionKind.ENDORSE_CEG_RECOMMENDATIONS) {
            return;
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EndorseRecommendations(decision.subject(),
                    decision.meetingId(), decision.decisionId(), decision.adoptedOn()))
                    .andMetaData(Map.of(AxonRuntime.ACTOR, "meetings:" + decision.meetingId())));
        } catch (AggregateNotFoundException unknown) {
            LOG.errorf("decision %s of %s endorses consultation %s, which cloud-evidence never opened; not applied",
                    decision.decisionId(), decision.meetingId(), decision.subject());
        }
    }
}
