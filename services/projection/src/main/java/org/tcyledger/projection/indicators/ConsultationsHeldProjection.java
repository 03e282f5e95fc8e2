package org.tcyledger.projection.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** What the indicators need of tcy.cloud-evidence.v1: the day each consultation began. */
@ApplicationScoped
public class ConsultationsHeldProjection extends EventConsumer<ConsultationEvent> {

    public static final String GROUP = "projection-indicators";

    public ConsultationsHeldProjection() {
        super(GROUP, ConsultationEvent.class, Topics.CLOUD_EVIDENCE);
    }

    @Override
    protected void apply(ConsultationEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        if (event instanceof ConsultationEvent.ConsultationOpened opened) {
            writes.update("INSERT INTO indicator_consultation (consultation_id, opens_on) VALUES (?, ?) "
                          + "ON CONFLICT DO NOTHING", opened.consultationId(), opened.opensOn());
        }
    }
}
