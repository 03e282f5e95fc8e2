package org.tcyledger.projection.consultations;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * Stances per option and stakeholder kind from tcy.cloud-evidence.v1. The attribution of a submission is never
 * read here, sealed or not: this read model cannot say who said what.
 */
@ApplicationScoped
public class ConsultationSummaryProjection extends EventConsumer<ConsultationEvent> {

    public ConsultationSummaryProjection() {
        super("projection-consultations", ConsultationEvent.class, Topics.CLOUD_EVIDENCE);
    }

    @Override
    protected void apply(ConsultationEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case ConsultationEvent.ConsultationOpened o -> writes.update("INSERT INTO summary_consultation "
                    + "(consultation_id, title, chatham_house, options) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    o.consultationId(), o.title(), o.chathamHouse(), json(o.options()));
            case ConsultationEvent.StakeholderRegistered s -> writes.update("INSERT INTO summary_stakeholder_kind "
                    + "(consultation_id, kind, registered) VALUES (?, ?, 1) ON CONFLICT (consultation_id, kind) "
                    + "DO UPDATE SET registered = summary_stakeholder_kind.registered + 1",
                    s.consultationId(), s.kind().name());
            case ConsultationEvent.SubmissionReceived s -> {
                for (ConsultationEvent.Position position : s.positions()) {
                    writes.update("INSERT INTO summary_stance (consultation_id, submission_id, kind, option_id, "
                            + "stance) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", s.consultationId(),
                            s.submissionId(), s.stakeholderKind().name(), position.optionId(), position.stance().name());
                }
            }
            default -> {
            }
        }
    }
}
