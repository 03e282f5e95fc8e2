package org.tcyledger.cloudevidence.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.jboss.logging.Logger;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.CloseConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.EndorseRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.HoldHearing;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.IssueRecommendations;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.OpenConsultation;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.RecordSubmission;
import org.tcyledger.cloudevidence.consultation.ConsultationCommands.RegisterStakeholder;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationClosed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.ConsultationOpened;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.HearingHeld;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Option;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsEndorsed;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.RecommendationsIssued;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderRegistered;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.SubmissionReceived;
import org.tcyledger.eventsourcing.RuleViolation;

/** A consultation of the Cloud Evidence Group: options, stakeholders, hearings, submissions, recommendations. */
public class Consultation {

    private static final Logger LOG = Logger.getLogger(Consultation.class);

    @AggregateIdentifier
    private String consultationId;
    private ConsultationState state = ConsultationState.NONE;

    protected Consultation() {
    }

    @CommandHandler
    public Consultation(OpenConsultation command) {
        if (command.options().isEmpty()) {
            throw new RuleViolation("at-least-one-option", "A consultation asks about at least one option");
        }
        if (command.options().stream().map(Option::id).distinct().count() != command.options().size()) {
            throw new RuleViolation("options-numbered-once", "Two options have the same id");
        }
        if (command.closesOn().isBefore(command.opensOn())) {
            throw new RuleViolation("closes-after-it-opens", "The consultation closes on " + command.closesOn()
                    + ", before it opens on " + command.opensOn());
        }
        apply(new ConsultationOpened(command.consultationId(), command.title(), command.question(), command.options(),
                command.opensOn(), command.closesOn(), command.chathamHouse()));
    }

    /** The name is stored only sealed: a stakeholder may be a named person ({@link StakeholderNames}). */
    @CommandHandler
    public String handle(RegisterStakeholder command, StakeholderNames names) {
        apply(StakeholderRegistered.sealed(consultationId, command.stakeholderId(), command.kind(),
                names.seal(consultationId, command.stakeholderId(), command.name())));
        return command.stakeholderId();
    }

    @CommandHandler
    public void handle(HoldHearing command) {
        command.participants().stream().filter(id -> !state.stakeholders().containsKey(id)).findFirst()
                .ifPresent(id -> {
                    throw new RuleViolation("known-stakeholder", consultationId + " has no stakeholder " + id);
                });
        apply(new HearingHeld(consultationId, command.heldOn(), command.venue(), command.participants()));
    }

    /** Who made it is sealed under the Chatham House rule ({@link ChathamHouse}); kind and stances stay in clear. */
    @CommandHandler
    public void handle(RecordSubmission command, AttributionSeal seal) {
        ConsultationOpened opened = state.opened();
        if (state.closed() != null) {
            throw new RuleViolation("submission-while-open", consultationId + " was closed on " + state.closed().closedOn());
        }
        if (command.receivedOn().isBefore(opened.opensOn()) || command.receivedOn().isAfter(opened.closesOn())) {
            throw new RuleViolation("submission-while-open", consultationId + " takes submissions from "
                    + opened.opensOn() + " to " + opened.closesOn() + ", not on " + command.receivedOn());
        }
        StakeholderRegistered stakeholder = state.stakeholders().get(command.stakeholderId());
        if (stakeholder == null) {
            throw new RuleViolation("known-stakeholder", consultationId + " has no stakeholder " + command.stakeholderId());
        }
        Set<String> options = opened.options().stream().map(Option::id).collect(Collectors.toSet());
        command.positions().stream().filter(p -> !options.contains(p.optionId())).findFirst().ifPresent(p -> {
            throw new RuleViolation("stance-on-known-option", consultationId + " has no option " + p.optionId());
        });
        ChathamHouse.Attribution attribution = ChathamHouse.attribute(opened, command.stakeholderId(), seal);
        apply(new SubmissionReceived(consultationId, command.submissionId(), command.receivedOn(), stakeholder.kind(),
                command.positions(), command.text(), attribution.value(), attribution.sealed()));
    }

    @CommandHandler
    public void handle(CloseConsultation command) {
        if (state.closed() != null) {
            throw new RuleViolation("consultation-closed", consultationId + " was closed on " + state.closed().closedOn());
        }
        apply(new ConsultationClosed(consultationId, command.closedOn()));
    }

    @CommandHandler
    public void handle(IssueRecommendations command) {
        if (state.closed() == null) {
            throw new RuleViolation("recommendations-after-close", "Recommendations follow the close of " + consultationId);
        }
        if (state.recommendations() != null) {
            throw new RuleViolation("recommendations-once", consultationId + " issued its recommendations already");
        }
        Set<String> options = state.opened().options().stream().map(Option::id).collect(Collectors.toSet());
        command.recommendedOptions().stream().filter(id -> !options.contains(id)).findFirst().ifPresent(id -> {
            throw new RuleViolation("stance-on-known-option", consultationId + " has no option " + id);
        });
        apply(new RecommendationsIssued(consultationId, command.recommendedOptions(), command.text()));
    }

    /** The plenary endorsed; a replayed decision, or one on recommendations never issued, changes nothing. */
    @CommandHandler
    public void handle(EndorseRecommendations command) {
        if (state.endorsements().stream().anyMatch(e -> e.decisionId().equals(command.decisionId()))) {
            return;
        }
        if (state.recommendations() == null) {
            LOG.errorf("decision %s of %s endorses recommendations %s never issued; not applied", command.decisionId(),
                    command.meetingId(), consultationId);
            return;
        }
        apply(new RecommendationsEndorsed(consultationId, command.meetingId(), command.decisionId(), command.endorsedOn()));
    }

    @EventSourcingHandler
    void on(ConsultationEvent event) {
        consultationId = event.consultationId();
        state = state.evolve(event);
    }
}
