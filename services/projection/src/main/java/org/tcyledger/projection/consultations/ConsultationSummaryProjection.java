package org.tcyledger.projection.consultations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.eventsourcing.consumer.EventDecoder;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * Stances per option and stakeholder kind from tcy.cloud-evidence.v1. The attribution of a submission is never
 * read here, sealed or not: this read model cannot say who said what.
 */
@ApplicationScoped
public class ConsultationSummaryProjection implements TopicConsumer {

    private static final EventDecoder EVENTS = new EventDecoder(ConsultationEvent.class);
    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    @Override
    public String group() {
        return "projection-consultations";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CLOUD_EVIDENCE);
    }

    @Override
    public void apply(EventEnvelope envelope, Writes writes) throws SQLException {
        var decoded = EVENTS.decode(envelope);
        if (decoded.isEmpty()) {
            return;
        }
        ConsultationEvent event = (ConsultationEvent) decoded.get();
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
