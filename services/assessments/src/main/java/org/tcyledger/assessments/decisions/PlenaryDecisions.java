package org.tcyledger.assessments.decisions;

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
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;

/**
 * Adoption happens because the plenary decided it: each ADOPT_ASSESSMENT_REPORT decision on tcy.meetings.v1 becomes
 * an AdoptReport command, stored in the transaction that records the decision as consumed. A replayed decision is
 * skipped by its event id here and by its decision id in the cycle.
 */
@ApplicationScoped
public class PlenaryDecisions implements TopicConsumer {

    private static final Logger LOG = Logger.getLogger(PlenaryDecisions.class);
    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();
    private static final String DECISION_ADOPTED = "tcy.meetings.DecisionAdopted.v1";

    @Inject
    CommandGateway commands;

    @Override
    public String group() {
        return "assessments-decisions";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MEETINGS);
    }

    @Override
    public void apply(EventEnvelope event, Connection connection) {
        if (!DECISION_ADOPTED.equals(event.type())) {
            return;
        }
        MeetingEvent.DecisionAdopted decision;
        try {
            decision = JSON.readValue(event.data(), MeetingEvent.DecisionAdopted.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read decision " + event.id(), e);
        }
        if (decision.kind() != DecisionKind.ADOPT_ASSESSMENT_REPORT) {
            return;
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AdoptReport(decision.subject(),
                    decision.version(), decision.meetingId(), decision.decisionId(), decision.adoptedOn()))
                    .andMetaData(Map.of(AxonRuntime.ACTOR, "meetings:" + decision.meetingId(),
                            AxonRuntime.CORRELATION_ID, event.correlationId() == null ? event.id() : event.correlationId())));
        } catch (AggregateNotFoundException unknown) {
            LOG.errorf("decision %s of %s adopts a report of cycle %s, which assessments never launched; not applied",
                    decision.decisionId(), decision.meetingId(), decision.subject());
        }
    }
}
