package org.tcyledger.membership.treaty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyEvent.TreatyEnteredIntoForce;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The Treaty aggregate of domain.md §1 (ids ETS185, ETS189, CETS224): when the treaty itself entered into force.
 * Named so as not to be confused with the {@link Treaty} enumeration of the contract.
 */
public class TreatyInForce {

    /** The aggregate id is the treaty's id. */
    public record RecordTreatyEntryIntoForce(@TargetAggregateIdentifier String treatyId, Treaty treaty,
                                             LocalDate inForceOn) {
    }

    @AggregateIdentifier
    private String treatyId;
    private LocalDate inForceOn;

    protected TreatyInForce() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordTreatyEntryIntoForce command) {
        if (inForceOn != null) {
            throw new RuleViolation("treaty-already-in-force",
                    command.treaty() + " entered into force on " + inForceOn);
        }
        if (command.inForceOn().isBefore(command.treaty().openedOn())) {
            throw new RuleViolation("not-before-treaty-opened", command.treaty() + " was opened for signature on "
                    + command.treaty().openedOn() + "; " + command.inForceOn() + " is earlier");
        }
        apply(new TreatyEnteredIntoForce(command.treaty(), command.inForceOn()));
    }

    @EventSourcingHandler
    void on(TreatyEnteredIntoForce event) {
        treatyId = event.treaty().name();
        inForceOn = event.inForceOn();
    }
}
