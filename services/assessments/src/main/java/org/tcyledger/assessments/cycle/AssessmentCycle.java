package org.tcyledger.assessments.cycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tcyledger.assessments.cycle.CycleCommands.AddPartyToCycle;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptReport;
import org.tcyledger.assessments.cycle.CycleCommands.AdoptSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.CloseCycle;
import org.tcyledger.assessments.cycle.CycleCommands.CorrectReply;
import org.tcyledger.assessments.cycle.CycleCommands.LaunchCycle;
import org.tcyledger.assessments.cycle.CycleCommands.OpenSupplement;
import org.tcyledger.assessments.cycle.CycleCommands.PublishQuestionnaire;
import org.tcyledger.assessments.cycle.CycleCommands.RecordComment;
import org.tcyledger.assessments.cycle.CycleCommands.RecordFollowUp;
import org.tcyledger.assessments.cycle.CycleCommands.RecordReply;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitDraftReport;
import org.tcyledger.assessments.cycle.CycleCommands.SubmitSupplementDraft;
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
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyCorrected;
import org.tcyledger.contracts.assessments.AssessmentEvent.ReplyReceived;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdopted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementAdoptionRefused;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementDraftSubmitted;
import org.tcyledger.contracts.assessments.AssessmentEvent.SupplementOpened;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * An assessment cycle of the T-CY: from the questionnaire to the adopted report and its follow-up, and supplementary
 * reports after it. Rules by name: {@link AssessedParties}, {@link Replies}, {@link ReportAdoption},
 * {@link SupplementaryReports}; the cycle's own dates and closing here.
 */
public class AssessmentCycle {

    @AggregateIdentifier
    private String cycleId;
    private CycleState state = CycleState.NONE;
    /** Which reply each reply event recorded, so that a correction can name it by that event's id. */
    private final Map<String, String> replyEvents = new HashMap<>();

    protected AssessmentCycle() {
    }

    /** Answers the assessed: the Parties to ETS185 on the launch date, per the scope ({@link AssessedParties}). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public List<String> handle(LaunchCycle command, Parties parties) {
        if (command.replyDeadline().isBefore(command.launchedOn())) {
            throw new RuleViolation("deadline-after-launch", "The reply deadline " + command.replyDeadline()
                    + " is before the launch on " + command.launchedOn());
        }
        List<String> assessed = AssessedParties.atLaunch(command, parties);
        apply(new AssessmentCycleLaunched(command.cycleId(), command.title(), command.articles(), command.launchedOn(),
                command.replyDeadline(), assessed, command.scope()));
        return assessed;
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

    /** Answers whether the reply came after the deadline ({@link Replies}). */
    @CommandHandler
    public boolean handle(RecordReply command) {
        notClosed();
        Replies.check(state, command);
        boolean late = Replies.late(state, command.receivedOn());
        apply(new ReplyReceived(cycleId, command.partyId(), command.receivedOn(), command.answers(), late));
        return late;
    }

    @CommandHandler
    public void handle(AddPartyToCycle command, Parties parties) {
        notClosed();
        AssessedParties.supplementary(state, command, parties);
        apply(new PartyAddedToCycle(cycleId, command.partyId(), command.reason()));
    }

    /** Answers the version: 1, 2, … */
    @CommandHandler
    public int handle(SubmitDraftReport command) {
        notClosed();
        ReportAdoption.draft(state, command);
        int version = state.drafts().size() + 1;
        apply(new DraftReportSubmitted(cycleId, version, command.findings(), command.recommendations(),
                command.documentSymbol()));
        return version;
    }

    @CommandHandler
    public void handle(OpenSupplement command, Parties parties) {
        notClosed();
        SupplementaryReports.open(state, command, parties);
        apply(new SupplementOpened(cycleId, command.supplementId(), command.partyIds().stream().distinct().toList(),
                command.reason()));
    }

    /** Answers the supplement's version: 1, 2, … ({@link SupplementaryReports}). */
    @CommandHandler
    public int handle(SubmitSupplementDraft command) {
        notClosed();
        int version = SupplementaryReports.draft(state, command).drafts().size() + 1;
        apply(new SupplementDraftSubmitted(cycleId, command.supplementId(), version, command.findings(),
                command.recommendations(), command.documentSymbol()));
        return version;
    }

    @CommandHandler
    public void handle(RecordComment command) {
        notClosed();
        AssessedParties.assessed(state, command.partyId());
        if (!state.drafts().containsKey(command.onVersion())) {
            throw new RuleViolation("comment-on-existing-version", cycleId + " has no draft version " + command.onVersion());
        }
        apply(new DraftCommented(cycleId, command.partyId(), command.onVersion(), command.text()));
    }

    /**
     * The plenary decided; the decision is recorded here even when it cannot be applied, with the reason
     * ({@link ReportAdoption}). A decision seen before (a replay of the topic) changes nothing.
     */
    @CommandHandler
    public void handle(AdoptReport command) {
        if (state.decisionsHandled().contains(command.decisionId())) {
            return;
        }
        ReportAdoption.refusal(state, command).ifPresentOrElse(
                refusal -> apply(new AssessmentReportAdoptionRefused(cycleId, command.version(), command.meetingId(),
                        command.decisionId(), refusal)),
                () -> apply(new AssessmentReportAdopted(cycleId, command.version(), command.meetingId(),
                        command.decisionId(), command.adoptedOn(), ReportAdoption.documentSymbol(state, command))));
    }

    /** The plenary decided on a supplement: as for the main report ({@link SupplementaryReports}). */
    @CommandHandler
    public void handle(AdoptSupplement command) {
        if (state.decisionsHandled().contains(command.decisionId())) {
            return;
        }
        SupplementaryReports.refusal(state, command).ifPresentOrElse(
                refusal -> apply(new SupplementAdoptionRefused(cycleId, command.supplementId(), command.version(),
                        command.meetingId(), command.decisionId(), refusal)),
                () -> apply(new SupplementAdopted(cycleId, command.supplementId(), command.version(),
                        command.meetingId(), command.decisionId(), command.adoptedOn(),
                        SupplementaryReports.documentSymbol(state, command))));
    }

    @CommandHandler
    public void handle(RecordFollowUp command) {
        ReportAdoption.followUp(state, command);
        apply(new FollowUpRecorded(cycleId, command.recommendationId(), command.partyId(), command.status(),
                command.assessedOn(), command.note()));
    }

    /** A correction names the reply's event; the corrected reply must still answer the questionnaire's questions. */
    @CommandHandler
    public boolean handle(CorrectReply command) {
        String partyId = replyEvents.get(command.correctsEventId());
        if (partyId == null) {
            throw new RuleViolation("correction-of-unknown-record", "No reply to " + cycleId + " was recorded by event "
                    + command.correctsEventId());
        }
        ReplyReceived recorded = state.replies().get(partyId);
        List<Answer> answers = command.answers() == null || command.answers().isEmpty()
                ? recorded.answers() : command.answers();
        Replies.answerQuestions(state, answers);
        LocalDate receivedOn = command.receivedOn() == null ? recorded.receivedOn() : command.receivedOn();
        boolean late = Replies.late(state, receivedOn);
        apply(new ReplyCorrected(cycleId, command.correctsEventId(), partyId, command.reason(), receivedOn, answers,
                late));
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
        } else if (event instanceof ReplyCorrected corrected) {
            replyEvents.put(eventId, corrected.partyId());
        }
    }
}
