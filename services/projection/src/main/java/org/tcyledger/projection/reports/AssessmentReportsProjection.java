package org.tcyledger.projection.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * Assessment cycles from tcy.assessments.v1, with their supplementary reports, kept so that only adopted reports are
 * ever shown to observers.
 */
@ApplicationScoped
public class AssessmentReportsProjection extends EventConsumer<AssessmentEvent> {

    public AssessmentReportsProjection() {
        super("projection-assessment-reports", AssessmentEvent.class, Topics.ASSESSMENTS);
    }

    @Override
    protected void apply(AssessmentEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case AssessmentEvent.AssessmentCycleLaunched l -> writes.update("INSERT INTO report_cycle (cycle_id, "
                    + "title, articles, assessed_parties) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    l.cycleId(), l.title(), String.join(",", l.articles()), String.join(",", l.assessedParties()));
            case AssessmentEvent.PartyAddedToCycle p -> writes.update("UPDATE report_cycle SET assessed_parties = "
                    + "assessed_parties || ',' || ? WHERE cycle_id = ?", p.partyId(), p.cycleId());
            case AssessmentEvent.DraftReportSubmitted d -> writes.update("INSERT INTO report_draft (cycle_id, "
                    + "version, findings, recommendations, document_symbol) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    d.cycleId(), d.version(), json(d.findings()), json(d.recommendations()), d.documentSymbol());
            case AssessmentEvent.AssessmentReportAdopted a -> writes.update("INSERT INTO report_adoption (cycle_id, "
                    + "version, meeting_id, decision_id, adopted_on, document_symbol) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING",
                    a.cycleId(), a.version(), a.meetingId(), a.decisionId(), a.adoptedOn(), a.documentSymbol());
            case AssessmentEvent.SupplementOpened o -> writes.update("INSERT INTO report_supplement (cycle_id, "
                    + "supplement_id, party_ids) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    o.cycleId(), o.supplementId(), String.join(",", o.partyIds()));
            case AssessmentEvent.SupplementDraftSubmitted d -> writes.update("INSERT INTO report_supplement_draft "
                    + "(cycle_id, supplement_id, version, findings, recommendations, document_symbol) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", d.cycleId(), d.supplementId(), d.version(),
                    json(d.findings()), json(d.recommendations()), d.documentSymbol());
            case AssessmentEvent.SupplementAdopted a -> writes.update("INSERT INTO report_supplement_adoption "
                    + "(cycle_id, supplement_id, version, meeting_id, decision_id, adopted_on, document_symbol) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.cycleId(), a.supplementId(), a.version(),
                    a.meetingId(), a.decisionId(), a.adoptedOn(), a.documentSymbol());
            case AssessmentEvent.FollowUpRecorded f -> {
                writes.update("INSERT INTO report_follow_up (cycle_id, "
                        + "recommendation_id, party_id, status, assessed_on, note) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (cycle_id, recommendation_id, party_id) DO UPDATE SET status = excluded.status, "
                        + "assessed_on = excluded.assessed_on, note = excluded.note "
                        + "WHERE report_follow_up.assessed_on <= excluded.assessed_on",
                        f.cycleId(), f.recommendationId(), f.partyId(), f.status().name(), f.assessedOn(), f.note());
                writes.update("INSERT INTO report_follow_up_history (event_id, cycle_id, recommendation_id, party_id, "
                        + "status, assessed_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", envelope.id(),
                        f.cycleId(), f.recommendationId(), f.partyId(), f.status().name(), f.assessedOn(), f.note());
            }
            default -> {
                // questionnaires, replies, comments, refusals and closing are not part of a published report
            }
        }
    }
}
