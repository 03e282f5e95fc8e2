package org.tcyledger.meetings.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.AgendaItemAdded;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceCorrected;
import org.tcyledger.contracts.meetings.MeetingEvent.AttendanceRecorded;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionAdopted;
import org.tcyledger.contracts.meetings.MeetingEvent.DecisionCorrected;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingClosed;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingOpened;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingReportPublished;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.meetings.MeetingEvent.ObjectionRaised;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.contracts.meetings.MeetingEvent.VoteMode;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.meeting.MeetingCommands.AddAgendaItem;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.CloseMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.CorrectRecord;
import org.tcyledger.meetings.meeting.MeetingCommands.OpenMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.PublishReport;
import org.tcyledger.meetings.meeting.MeetingCommands.RaiseObjection;
import org.tcyledger.meetings.meeting.MeetingCommands.RecordAttendance;
import org.tcyledger.meetings.meeting.MeetingCommands.ScheduleMeeting;

/** A plenary, Bureau, drafting meeting or written procedure, and the decisions taken in it. */
public class Meeting {

    @AggregateIdentifier
    private String meetingId;
    private MeetingState state = MeetingState.UNSCHEDULED;

    protected Meeting() {
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command) {
        if (command.endsOn().isBefore(command.startsOn())) {
            throw new RuleViolation("meeting-ends-after-it-starts",
                    "The meeting ends on " + command.endsOn() + ", before it starts on " + command.startsOn());
        }
        apply(new MeetingScheduled(command.meetingId(), command.kind(), command.title(), command.venue(),
                command.startsOn(), command.endsOn()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        notClosed();
        apply(new AgendaItemAdded(meetingId, command.itemId(), command.title(), command.documentSymbols()));
    }

    @CommandHandler
    public AttendanceCapacity handle(RecordAttendance command) {
        notClosed();
        if (state.isWrittenProcedure()) {
            throw new RuleViolation("no-attendance-in-written-procedure",
                    "A written procedure has no attendance; it is adopted by silence");
        }
        if (state.attendance().containsKey(command.memberId())) {
            throw new RuleViolation("attendance-already-recorded",
                    command.memberId() + " is already recorded as attending " + meetingId);
        }
        apply(new AttendanceRecorded(meetingId, command.memberId(), command.capacity(), command.representativeIds()));
        return command.capacity();
    }

    @CommandHandler
    public void handle(OpenMeeting command) {
        if (state.opened()) {
            throw new RuleViolation("meeting-already-open", meetingId + " is already open");
        }
        apply(new MeetingOpened(meetingId));
    }

    @CommandHandler
    public void handle(CloseMeeting command) {
        if (!state.opened()) {
            throw new RuleViolation("meeting-not-open", meetingId + " was never opened");
        }
        notClosed();
        apply(new MeetingClosed(meetingId));
    }

    @CommandHandler
    public void handle(RaiseObjection command) {
        if (!state.isWrittenProcedure()) {
            throw new RuleViolation("objection-only-in-written-procedure", meetingId + " is not a written procedure");
        }
        notClosed();
        if (!command.party()) {
            throw new RuleViolation("objection-only-by-party",
                    command.memberId() + " is not a Party to ETS185 on " + command.objectedOn());
        }
        if (command.objectedOn().isAfter(state.scheduled().endsOn())) {
            throw new RuleViolation("objection-after-deadline", "The deadline of " + meetingId + " was "
                    + state.scheduled().endsOn() + "; the objection came on " + command.objectedOn());
        }
        apply(new ObjectionRaised(meetingId, command.memberId(), command.objectedOn()));
    }

    /** Answers the decision's id. The rules of domain.md §2, in the order a chair would check them. */
    @CommandHandler
    public String handle(AdoptDecision command, DecisionRules rules, DecisionSubjects subjects) {
        if (!state.opened() || state.closed()) {
            throw new RuleViolation("meeting-open", meetingId + " is " + (state.closed() ? "closed" : "not open"));
        }
        if (!state.agenda().containsKey(command.agendaItemId())) {
            throw new RuleViolation("unknown-agenda-item", meetingId + " has no agenda item " + command.agendaItemId());
        }
        if (command.kind().needsSubject() && command.subject() == null) {
            throw new InvalidRequest("subject", "is required for a decision of kind " + command.kind());
        }
        if (command.kind().needsVersion() && command.version() == null) {
            throw new InvalidRequest("version", "is required for a decision of kind " + command.kind());
        }
        if (!state.within(command.adoptedOn())) {
            throw new RuleViolation("adopted-within-meeting-dates", "A decision of " + meetingId + " is adopted between "
                    + state.scheduled().startsOn() + " and " + state.scheduled().endsOn() + ", not on " + command.adoptedOn());
        }
        if (command.kind().needsSubject()) {
            subjects.problemWith(command.kind(), command.subject(), command.version()).ifPresent(problem -> {
                throw new RuleViolation("unknown-subject", problem);
            });
        }
        long present = 0;
        if (state.isWrittenProcedure()) {
            adoptedBySilence(command);
        } else {
            present = state.partiesPresent();
            quorum(rules.quorum(), command.partiesOnStartsOn(), present);
            majority(rules.majority(), command.vote(), present);
        }
        apply(new DecisionAdopted(meetingId, command.decisionId(), command.agendaItemId(), command.kind(),
                command.subject(), command.version(), command.text(), command.vote(), command.adoptedOn(),
                state.isWrittenProcedure() ? 0 : command.partiesOnStartsOn(), present));
        return command.decisionId();
    }

    /** Quorum: present ≥ max(1, ceil(q × P)). */
    static void quorum(Fraction q, long parties, long present) {
        long required = Math.max(1, q.ceilTimes(parties));
        if (present < required) {
            throw new RuleViolation("quorum", "Quorum not reached: " + present + " Parties present, " + required
                    + " required (max(1, ceil(" + q + " × " + parties + " Parties)))");
        }
    }

    /** A tally: some votes cast, no more votes than Parties present, for / (for + against) ≥ m exactly. */
    static void majority(Fraction m, Vote vote, long present) {
        if (vote.mode() == VoteMode.CONSENSUS) {
            return;
        }
        int inFavour = orZero(vote.inFavour());
        int against = orZero(vote.against());
        int abstentions = orZero(vote.abstentions());
        long cast = (long) inFavour + against;
        if (cast <= 0) {
            throw new RuleViolation("votes-cast", "No vote was cast for or against (abstentions are not votes cast)");
        }
        if (cast + abstentions > present) {
            throw new RuleViolation("votes-not-more-than-present", (cast + abstentions)
                    + " votes and abstentions, but only " + present + " Parties present");
        }
        if (!m.isReachedBy(inFavour, cast)) {
            throw new RuleViolation("majority", "Majority not reached: " + inFavour + " for of " + cast
                    + " votes cast, " + m + " required");
        }
    }

    private void adoptedBySilence(AdoptDecision command) {
        if (command.vote().mode() != VoteMode.CONSENSUS) {
            throw new RuleViolation("written-procedure-adopts-by-silence",
                    "A written procedure is adopted by silence, not by a vote");
        }
        if (!command.adoptedOn().equals(state.scheduled().endsOn())) {
            throw new RuleViolation("written-procedure-adopted-at-deadline", "A written procedure is adopted on its "
                    + "deadline " + state.scheduled().endsOn() + ", not on " + command.adoptedOn());
        }
        if (!state.objections().isEmpty()) {
            throw new RuleViolation("written-procedure-without-objection", state.objections().get(0).memberId()
                    + " objected on " + state.objections().get(0).objectedOn() + ": the procedure failed");
        }
    }

    @CommandHandler
    public void handle(PublishReport command) {
        if (!state.closed()) {
            throw new RuleViolation("report-after-close", "The report of " + meetingId + " is published after it closed");
        }
        apply(new MeetingReportPublished(meetingId, command.publishedOn(), command.documentSymbol()));
    }

    @CommandHandler
    public void handle(CorrectRecord command) {
        String record = state.recordOf(command.correctsEventId());
        if (record == null) {
            throw new RuleViolation("correction-of-unknown-record", "No decision or attendance of " + meetingId
                    + " was recorded by event " + command.correctsEventId());
        }
        if (record.startsWith("attendance:")) {
            String memberId = record.substring("attendance:".length());
            if (!state.attendance().containsKey(memberId)) {
                throw new RuleViolation("attendance-already-corrected", "The attendance of " + memberId
                        + " was already corrected");
            }
            apply(new AttendanceCorrected(meetingId, command.correctsEventId(), memberId, command.reason()));
            return;
        }
        String decisionId = record.substring("decision:".length());
        if (command.text() == null && command.adoptedOn() == null) {
            throw new InvalidRequest("text", "a corrected text or adoptedOn is required to correct a decision");
        }
        if (command.adoptedOn() != null && !state.within(command.adoptedOn())) {
            throw new RuleViolation("adopted-within-meeting-dates", "A decision of " + meetingId + " is adopted between "
                    + state.scheduled().startsOn() + " and " + state.scheduled().endsOn());
        }
        apply(new DecisionCorrected(meetingId, command.correctsEventId(), decisionId, command.reason(), command.text(),
                command.adoptedOn()));
    }

    private void notClosed() {
        if (state.closed()) {
            throw new RuleViolation("meeting-closed", meetingId + " is closed");
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @EventSourcingHandler
    void on(MeetingEvent event, @MessageIdentifier String eventId) {
        if (event instanceof MeetingScheduled scheduled) {
            meetingId = scheduled.meetingId();
        }
        state = state.evolve(event, eventId);
    }
}
