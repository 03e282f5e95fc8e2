package org.tcyledger.membership.infra;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.jboss.logging.Logger;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.eventsourcing.axon.AxonRuntime;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.membership.treaty.TreatyInForce;

/**
 * On first start, records as events that the Convention entered into force on 2004-07-01 and its first protocol
 * on 2006-03-01, so that every replica downstream learns the dates the same way as any later one (CETS224).
 */
@ApplicationScoped
public class TreatySeed {

    private static final Logger LOG = Logger.getLogger(TreatySeed.class);
    static final Map<Treaty, LocalDate> KNOWN = Map.of(
            Treaty.ETS185, LocalDate.parse("2004-07-01"),
            Treaty.ETS189, LocalDate.parse("2006-03-01"));

    @Inject
    CommandGateway commands;
    @Inject
    EventStreams streams;

    void onStart(@Observes StartupEvent startup) {
        KNOWN.forEach((treaty, inForceOn) -> {
            if (!streams.envelopes(treaty.name()).isEmpty()) {
                return;
            }
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new TreatyInForce.RecordTreatyEntryIntoForce(treaty.name(), treaty, inForceOn))
                        .andMetaData(Map.of(AxonRuntime.ACTOR, "system:first-start")));
                LOG.infof("recorded that %s entered into force on %s", treaty, inForceOn);
            } catch (AggregateStreamCreationException another) {
                // another instance recorded it at the same moment
            }
        });
    }
}
