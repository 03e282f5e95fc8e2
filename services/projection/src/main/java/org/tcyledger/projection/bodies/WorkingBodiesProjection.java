package org.tcyledger.projection.bodies;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.MandateExtended;
import org.tcyledger.contracts.meetings.GovernanceEvent.WorkingBodyEstablished;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * Working bodies from tcy.meetings.v1: each as established, its mandate's extensions, and the meetings scheduled as
 * its own. Two families feed it (the bodies' GovernanceEvent and the meetings' MeetingScheduled), in one consumer
 * group, so that {@code ?after=} waits for either.
 */
@ApplicationScoped
public class WorkingBodiesProjection extends EventConsumer<Object> {

    public static final String GROUP = "projection-working-bodies";

    public WorkingBodiesProjection() {
        super(GROUP, Object.class, List.of(GovernanceEvent.class, MeetingEvent.class), Topics.MEETINGS);
    }

    @Override
    protected void apply(Object event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case WorkingBodyEstablished established -> established(established, writes);
            case MandateExtended extended -> writes.update("INSERT INTO working_body_extension (body_id, meeting_id, "
                            + "decision_id, mandate_until, extended_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    extended.bodyId(), extended.meetingId(), extended.decisionId(), extended.mandateUntil(),
                    extended.extendedOn());
            case MeetingScheduled scheduled when scheduled.workingBodyId() != null -> writes.update(
                    "INSERT INTO working_body_meeting (meeting_id, body_id, kind, title, starts_on, ends_on) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", scheduled.meetingId(),
                    scheduled.workingBodyId(), scheduled.kind().name(), scheduled.title(), scheduled.startsOn(),
                    scheduled.endsOn());
            default -> {
                // the Bureau's elections, the committee's own meetings and every other record are not the bodies'
            }
        }
    }

    private static void established(WorkingBodyEstablished body, Writes writes) {
        writes.update("INSERT INTO working_body (id, name, kind, terms_of_reference, mandate_until, meeting_id, "
                      + "decision_id, established_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                body.bodyId(), body.name(), body.kind().name(), body.termsOfReference(), body.mandateUntil(),
                body.meetingId(), body.decisionId(), body.establishedOn());
        for (int position = 0; position < body.members().size(); position++) {
            writes.update("INSERT INTO working_body_member (body_id, position, member_id) VALUES (?, ?, ?) "
                          + "ON CONFLICT DO NOTHING", body.bodyId(), position, body.members().get(position));
        }
    }
}
