package org.tcyledger.meetings.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.GovernanceEvent.BureauElected;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;
import org.tcyledger.meetings.meeting.MemberFacts;

/**
 * The Bureau of the T-CY (domain.md §2, Governance): who holds which post for which term, as ELECT_BUREAU decisions
 * made it. One stream, {@code bureau}. The rules are {@link BureauElections}'.
 */
public class Bureau {

    /** Sent only by the Meeting's decision handler, in the decision's unit of work ({@code GovernanceRecords}). */
    public record ElectBureau(@TargetAggregateIdentifier String bureauId, String meetingId, String decisionId,
                              LocalDate adoptedOn, List<Election> elected) {
    }

    @AggregateIdentifier
    private String bureauId;
    private List<Election> terms = List.of();

    protected Bureau() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ElectBureau command, MemberFacts members) {
        BureauElections.check(terms, command.elected(), command.adoptedOn(), members);
        apply(new BureauElected(command.bureauId(), command.meetingId(), command.decisionId(), command.adoptedOn(),
                command.elected()));
    }

    @EventSourcingHandler
    void on(BureauElected event) {
        bureauId = event.bodyId();
        List<Election> next = new ArrayList<>(terms);
        next.addAll(event.elected());
        terms = List.copyOf(next);
    }
}
