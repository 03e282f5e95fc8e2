package org.tcyledger.meetings.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.MandateExtended;
import org.tcyledger.contracts.meetings.GovernanceEvent.WorkingBodyEstablished;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * A working body of the T-CY (the Cloud Evidence Group, the Protocol Drafting Group, a working group): set up by an
 * ESTABLISH_WORKING_BODY decision with its terms of reference and mandate, its mandate extended by EXTEND_MANDATE
 * decisions. Its meetings fall within its mandate ({@link Mandate}).
 */
public class WorkingBody {

    /** Sent only by the Meeting's decision handler, in the decision's unit of work. */
    public record EstablishWorkingBody(String bodyId, String name, WorkingBodyKind kind, String termsOfReference,
                                       LocalDate mandateUntil, List<String> members, String meetingId,
                                       String decisionId, LocalDate establishedOn) {
    }

    /** Sent only by the Meeting's decision handler, in the decision's unit of work. */
    public record ExtendMandate(@TargetAggregateIdentifier String bodyId, LocalDate mandateUntil, String meetingId,
                                String decisionId, LocalDate extendedOn) {
    }

    @AggregateIdentifier
    private String bodyId;
    private Mandate mandate;

    protected WorkingBody() {
    }

    @CommandHandler
    public WorkingBody(EstablishWorkingBody command) {
        if (command.mandateUntil().isBefore(command.establishedOn())) {
            throw new RuleViolation("mandate-ends-after-it-starts", "A mandate until " + command.mandateUntil()
                    + " would end before the body is set up on " + command.establishedOn());
        }
        apply(new WorkingBodyEstablished(command.bodyId(), command.name(), command.kind(), command.termsOfReference(),
                command.mandateUntil(), command.members(), command.meetingId(), command.decisionId(),
                command.establishedOn()));
    }

    @CommandHandler
    public void handle(ExtendMandate command) {
        if (!command.mandateUntil().isAfter(mandate.until())) {
            throw new RuleViolation("mandate-extended-beyond-its-end", bodyId + "'s mandate runs until "
                    + mandate.until() + "; an extension ends later, not on " + command.mandateUntil());
        }
        apply(new MandateExtended(bodyId, command.mandateUntil(), command.meetingId(), command.decisionId(),
                command.extendedOn()));
    }

    @EventSourcingHandler
    void on(GovernanceEvent event) {
        bodyId = event.bodyId();
        mandate = Mandate.evolve(mandate, event);
    }
}
