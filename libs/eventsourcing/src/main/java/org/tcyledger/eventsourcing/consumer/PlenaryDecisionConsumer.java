package org.tcyledger.eventsourcing.consumer;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * records the decision as consumed. A decision on an aggregate the service never had is not sent (a command to a
 * missing aggregate would leave the transaction only fit to roll back, and the consumer retrying it for ever): it is
 * recorded as refused, with its reason, and the consumer goes on. A decision the aggregate refuses by a rule fails
 * its record, which is parked after retries (see {@link EventApplier}).
 */
public abstract class PlenaryDecisionConsumer implements TopicConsumer {

    private static final Logger LOG = Logger.getLogger(PlenaryDecisionConsumer.class);
    private static final EventDecoder DECISIONS = new EventDecoder(MeetingEvent.class);

    @Inject
    CommandGateway commands;
    @Inject
    org.axonframework.eventsourcing.eventstore.EventStore events;

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
        if (events.lastSequenceNumberFor(aggregateOf(decision)).isEmpty()) {
            String reason = "unknown-subject: this service never recorded " + aggregateOf(decision);
            LOG.errorf("decision %s of %s (%s) refused: %s", decision.decisionId(), decision.meetingId(),
                    decision.kind(), reason);
            writes.update("INSERT INTO refused_decision (consumer_group, event_id, meeting_id, decision_id, kind, "
                          + "subject, reason) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", group(), event.id(),
                    decision.meetingId(), decision.decisionId(), decision.kind().name(),
                    ParkedRecords.printable(decision.subject()), reason);
            return;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(commandFor(decision))
                .andMetaData(Map.of(AxonRuntime.ACTOR, "meetings:" + decision.meetingId(),
                        AxonRuntime.CORRELATION_ID, event.correlationId() == null ? event.id() : event.correlationId())));
    }

    /** The aggregate the decision's command goes to: its subject, unless the service says otherwise. */
    protected String aggregateOf(DecisionAdopted decision) {
        return decision.subject();
    }
}
