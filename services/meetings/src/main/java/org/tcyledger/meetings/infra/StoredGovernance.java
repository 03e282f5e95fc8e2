package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.meetings.governance.Bureau;
import org.tcyledger.meetings.governance.BureauElections;
import org.tcyledger.meetings.governance.GovernanceRecords;
import org.tcyledger.meetings.governance.Mandate;
import org.tcyledger.meetings.governance.WorkingBody;

/**
 * The Bureau and the working bodies from their own streams in meetings' event store. A decision's election or
 * working body is sent to that aggregate from within the Meeting's handler: Axon handles it in a unit of work nested
 * in the decision's, stored with it in one transaction; a refusal rolls back both and keeps its rule.
 */
@ApplicationScoped
public class StoredGovernance implements GovernanceRecords {

    @Inject
    CommandGateway gateway;
    @Inject
    EventStreams streams;

    @Override
    public void elect(Bureau.ElectBureau election) {
        send(election);
    }

    @Override
    public void establish(WorkingBody.EstablishWorkingBody establishment) {
        send(establishment);
    }

    @Override
    public void extend(WorkingBody.ExtendMandate extension) {
        send(extension);
    }

    @Override
    public List<Election> bureauOn(LocalDate date) {
        List<Election> terms = streams.replay(GovernanceEvent.BUREAU, GovernanceEvent.class, List.<Election>of(),
                (seats, event, envelope) -> {
                    if (event instanceof GovernanceEvent.BureauElected elected) {
                        List<Election> next = new ArrayList<>(seats);
                        next.addAll(elected.elected());
                        return List.copyOf(next);
                    }
                    return seats;
                }, EventStreams.PointInTime.LATEST).orElse(List.of());
        return BureauElections.on(terms, date);
    }

    @Override
    public Optional<Mandate> mandateOf(String bodyId) {
        return streams.replay(bodyId, GovernanceEvent.class, (Mandate) null,
                (mandate, event, envelope) -> Mandate.evolve(mandate, event), EventStreams.PointInTime.LATEST);
    }

    private void send(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
