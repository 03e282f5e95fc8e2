package org.tcyledger.eventsourcing.consumer;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.AxonRuntime;

/**
 * A write service acting on the plenary's decisions of one kind: each such DecisionAdopted on tcy.meetings.v1
 * becomes a command to this service's aggregate named by the decision's subject, stored in the transaction that
 * records the decision as consumed. A decision on an aggregate the service never had is logged and not applied.
 */
public abstract class PlenaryDecisionConsumer implements TopicConsumer {

    private static final Logger LOG = Logger.getLogger(PlenaryDecisionConsumer.class);
    private static final EventDecoder DECISIONS = new EventDecoder(MeetingEvent.class);

    @Inject
    CommandGateway commands;

    /** The decision kind this service acts on. */
    protected abstract DecisionKind kind();

    /** The command that applies the decision here. */
    protected abstract Object commandFor(DecisionAdopted decision);

    @Override
    public List<String> topics() {
        return List.of(Topics.MEETINGS);
    }

    @Override
    public void apply(EventEnvelope event, Writes writes) {
        if (!(DECISIONS.decode(event).orElse(null) instanceof DecisionAdopted decision) || decision.kind() != kind()) {
            return;
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(commandFor(decision))
                    .andMetaData(Map.of(AxonRuntime.ACTOR, "meetings:" + decision.meetingId(),
                            AxonRuntime.CORRELATION_ID, event.correlationId() == null ? event.id() : event.correlationId())));
        } catch (AggregateNotFoundException unknown) {
            LOG.errorf("decision %s of %s (%s) is about %s, which this service never recorded; not applied",
                    decision.decisionId(), decision.meetingId(), decision.kind(), decision.subject());
        }
    }
}
