package org.tcyledger.assessments.cycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.assessments.cycle.CycleCommands.AddPartyToCycle;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.assessments.cycle.CycleCommands.CloseCycle;
import org.tcyledger.assessments.cycle.CycleCommands.LaunchCycle;
import org.tcyledger.assessments.cycle.CycleCommands.PublishQuestionnaire;
import org.tcyledger.assessments.cycle.CycleCommands.RecordComment;
import org.tcyledger.assessments.cycle.CycleCommands.RecordFollowUp;
import org.tcyledger.assessments.cycle.CycleCommands.RecordReply;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitDraftReport;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.Answer;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentCycleLaunched;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.AssessmentReportAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.CycleClosed;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftCommented;
import org.tcyledger.contracts.assessments.AssessmentEvent.DraftReportSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpRecorded;
import org.tcyledger.contracts.assessments.AssessmentEvent.PartyAddedToCycle;
import org.tcyledger.contracts.assessments.AssessmentEvent.QuestionnairePublished;
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyReceived;
import org.tcyledger.eventsourcing.RuleViolation;

/** An assessment cycle of the T-CY: from the questionnaire to the adopted report and its follow-up. */
public class AssessmentCycle {

    @AggregateIdentifier
    private String cycleId;
    private CycleState state = CycleState.NONE;
    /** Which reply each reply event recorded, so that a correction can name it by that event's id. */
    private final java.util.Map<String, String> replyEvents = new java.util.HashMap<>();

    protected AssessmentCycle() {
    }

    @CommandHandler
    public AssessmentCycle(LaunchCycle command) {
        if (command.replyDeadline().isBefore(command.launchedOn())) {
            throw new RuleViolation("deadline-after-launch", "The reply deadline " + command.replyDeadline()
                    + " is before the launch on " + command.launchedOn());
        }
        apply(new AssessmentCycleLaunched(command.cycleId(), command.title(), command.articles(), command.launchedOn(),
                command.replyDeadline(), command.assessedParties()));
    }

    @CommandHandler
    public void handle(PublishQuestionnaire command) {
        notClosed();
        if (state.questionnaire() != null) {
            throw new RuleViolation("questionnaire-once", "The questionnaire of " + cycleId + " was published as "
                    + state.questionnaire().documentSymbol());
        }
        apply(new QuestionnairePublished(cycleId, command.documentSymbol(), command.questions()));
    }

    /** Answers whether the reply came after the deadline. */
    @CommandHandler
    public boolean handle(RecordReply command) {
        notClosed();
        assessed(command.partyId());
        if (state.questionnaire() == null) {
            throw new RuleViolation("reply-needs-questionnaire", "No questionnaire of " + cycleId + " was published yet");
        }
        if (state.replies().containsKey(command.partyId())) {
            throw new RuleViolation("reply-once", command.partyId() + " replied on "
                    + state.replies().get(command.partyId()).receivedOn());
        }
        Set<String> questions = state.questionnaire().questions().stream()
                .map(AssessmentEvent.Question::id).collect(Collectors.toSet());
        command.answers().stream().filter(answer -> !questions.contains(answer.questionId())).findFirst()
                .ifPresent(answer -> {
                    throw new RuleViolation("answer-to-a-question", "The questionnaire has no question "
                            + answer.questionId());
                });
        boolean late = command.receivedOn().isAfter(state.launched().replyDeadline());
        apply(new ReplyReceived(cycleId, command.partyId(), command.receivedOn(), command.answers(), late));
        return late;
    }

    @CommandHandler
    public void handle(AddPartyToCycle command) {
        notClosed();
        if (!command.party()) {
            throw new RuleViolation("supplementary-assessment-of-a-party", command.partyId() + " is not a Party to ETS185");
        }
        if (state.assessedParties().contains(command.partyId())) {
            throw new RuleViolation("party-already-assessed", command.partyId() + " is already assessed in " + cycleId);
        }
        apply(new PartyAddedToCycle(cycleId, command.partyId(), command.reason()));
    }

    /** Answers the version: 1, 2, … */
    @CommandHandler
    public int handle(SubmitDraftReport command) {
        notClosed();
        if (state.adoption() != null) {
            throw new RuleViolation("no-draft-after-adoption", "The report of " + cycleId + " was adopted already");
        }
        command.findings().stream().filter(f -> !state.assessedParties().contains(f.partyId())).findFirst()
                .ifPresent(f -> {
                    throw new RuleViolation("finding-on-assessed-party", f.partyId() + " is not assessed in " + cycleId);
                });
        int version = state.drafts().size() + 1;
        apply(new DraftReportSubmitted(cycleId, version, command.findings(), command.recommendations()));
        return version;
    }

    @CommandHandler
    public void handle(RecordComment command) {
        notClosed();
        assessed(command.partyId());
        if (!state.drafts().containsKey(command.onVersion())) {
            throw new RuleViolation("comment-on-existing-version", cycleId + " has no draft version " + command.onVersion());
        }
        apply(new DraftCommented(cycleId, command.partyId(), command.onVersion(), command.text()));
    }

    /**
     * The plenary decided; the decision is recorded here even when it cannot be applied, with the reason. A decision
     * seen before (a replay of the topic) changes nothing.
     */
    @CommandHandler
    public void handle(AdoptReport command) {
        if (state.decisionsHandled().contains(command.decisionId())) {
            return;
        }
        String refusal = null;
        if (!state.drafts().containsKey(command.version())) {
            refusal = cycleId + " has no draft version " + command.version();
        } else if (state.adoption() != null) {
            refusal = "The report of " + cycleId + " was adopted already, version " + state.adoption().version()
                      + " by " + state.adoption().meetingId();
        } else if (state.closed() != null) {
            refusal = cycleId + " is closed";
        }
        if (refusal != null) {
            apply(new AssessmentReportAdoptionRefused(cycleId, command.version(), command.meetingId(),
                    command.decisionId(), refusal));
        } else {
            apply(new AssessmentReportAdopted(cycleId, command.version(), command.meetingId(), command.decisionId(),
                    command.adoptedOn()));
        }
    }

    @CommandHandler
    public void handle(RecordFollowUp command) {
        if (state.adoption() == null) {
            throw new RuleViolation("follow-up-after-adoption", "The report of " + cycleId + " is not adopted yet");
        }
        assessed(command.partyId());
        boolean known = state.drafts().get(state.adoption().version()).recommendations().stream()
                .anyMatch(r -> r.id().equals(command.recommendationId()));
        if (!known) {
            throw new RuleViolation("follow-up-of-adopted-recommendation", "The adopted report of " + cycleId
                    + " has no recommendation " + command.recommendationId());
        }
        if (command.assessedOn().isBefore(state.adoption().adoptedOn())) {
            throw new RuleViolation("date-not-before-previous-step", "A follow-up (" + command.assessedOn()
                    + ") cannot precede the adoption on " + state.adoption().adoptedOn());
        }
        apply(new FollowUpRecorded(cycleId, command.recommendationId(), command.partyId(), command.status(),
                command.assessedOn(), command.note()));
    }

    /** A correction names the reply's event; the corrected reply must still answer the questionnaire's questions. */
    @CommandHandler
    public boolean handle(CycleCommands.CorrectReply command) {
        String partyId = replyEvents.get(command.correctsEventId());
        if (partyId == null) {
            throw new RuleViolation("correction-of-unknown-record", "No reply to " + cycleId + " was recorded by event "
                    + command.correctsEventId());
        }
        ReplyReceived recorded = state.replies().get(partyId);
        List<Answer> answers = command.answers() == null || command.answers().isEmpty()
                ? recorded.answers() : command.answers();
        Set<String> questions = state.questionnaire().questions().stream()
                .map(AssessmentEvent.Question::id).collect(Collectors.toSet());
        answers.stream().filter(answer -> !questions.contains(answer.questionId())).findFirst().ifPresent(answer -> {
            throw new RuleViolation("answer-to-a-question", "The questionnaire has no question " + answer.questionId());
        });
        java.time.LocalDate receivedOn = command.receivedOn() == null ? recorded.receivedOn() : command.receivedOn();
        boolean late = receivedOn.isAfter(state.launched().replyDeadline());
        apply(new AssessmentEvent.ReplyCorrected(cycleId, command.correctsEventId(), partyId, command.reason(),
                receivedOn, answers, late));
        return late;
    }

    @CommandHandler
    public void handle(CloseCycle command) {
        notClosed();
        if (command.closedOn().isBefore(state.launched().launchedOn())) {
            throw new RuleViolation("date-not-before-previous-step", "The cycle cannot close before its launch");
        }
        apply(new CycleClosed(cycleId, command.closedOn()));
    }

    private void assessed(String partyId) {
        if (!state.assessedParties().contains(partyId)) {
            throw new RuleViolation("party-assessed", partyId + " is not assessed in " + cycleId);
        }
    }

    private void notClosed() {
        if (state.closed() != null) {
            throw new RuleViolation("cycle-closed", cycleId + " was closed on " + state.closed().closedOn());
        }
    }

    @EventSourcingHandler
    void on(AssessmentEvent event, @MessageIdentifier String eventId) {
        cycleId = event.cycleId();
        state = state.evolve(event);
        if (event instanceof ReplyReceived reply) {
            replyEvents.put(eventId, reply.partyId());
        } else if (event instanceof AssessmentEvent.ReplyCorrected corrected) {
            replyEvents.put(eventId, corrected.partyId());
        }
    }
}
