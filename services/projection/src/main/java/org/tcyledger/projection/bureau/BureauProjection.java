package org.tcyledger.projection.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.BureauElected;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** The Bureau's seats from tcy.meetings.v1: each election's members, posts and terms, and the decision that made it. */
@ApplicationScoped
public class BureauProjection extends EventConsumer<GovernanceEvent> {

    public static final String GROUP = "projection-bureau";

    public BureauProjection() {
        super(GROUP, GovernanceEvent.class, Topics.MEETINGS);
    }

    @Override
    protected void apply(GovernanceEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case BureauElected elected -> {
                for (Election seat : elected.elected()) {
                    writes.update("INSERT INTO bureau_seat (member_id, term_from, term_until, post, meeting_id, "
                                  + "decision_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            seat.memberId(), seat.termFrom(), seat.termUntil(), seat.post().name(),
                            elected.meetingId(), elected.decisionId());
                }
            }
            case GovernanceEvent.WorkingBodyEstablished established -> {
                // the working bodies' read model (bodies/)
            }
            case GovernanceEvent.MandateExtended extended -> {
                // the working bodies' read model (bodies/)
            }
        }
    }
}
