package org.tcyledger.meetings.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
import org.tcyledger.contracts.meetings.DecisionKind;
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
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.meeting.MeetingCommands.AddAgendaItem;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;
import org.tcyledger.meetings.meeting.MeetingCommands.CloseMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.CorrectRecord;
import org.tcyledger.meetings.meeting.MeetingCommands.DecisionTaken;
import org.tcyledger.meetings.meeting.MeetingCommands.OpenMeeting;
import org.tcyledger.meetings.meeting.MeetingCommands.PublishReport;
import org.tcyledger.meetings.meeting.MeetingCommands.RaiseObjection;
import org.tcyledger.meetings.meeting.MeetingCommands.RecordAttendance;
import org.tcyledger.meetings.meeting.MeetingCommands.ScheduleMeeting;
import org.tcyledger.meetings.document.DocumentRegister;
import org.tcyledger.meetings.document.Documents;
import org.tcyledger.meetings.governance.GovernanceRecords;
import org.tcyledger.meetings.governance.Mandate;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;

/** A plenary, Bureau, drafting meeting or written procedure, and the decisions taken in it. */
public class Meeting {

    /** A decision on something meetings does not know, or that cannot be decided on (its reason in the detail). */
    public static final String UNKNOWN_SUBJECT = "unknown-subject";

    @AggregateIdentifier
    private String meetingId;
    private MeetingState state = MeetingState.UNSCHEDULED;

    protected Meeting() {
    }

    /** A working body's meeting is held within its mandate ({@link Mandate}). */
    @CommandHandler
    public Meeting(ScheduleMeeting command, GovernanceRecords governance) {
        if (command.endsOn().isBefore(command.startsOn())) {
            throw new RuleViolation("meeting-ends-after-it-starts",
                    "The meeting ends on " + command.endsOn() + ", before it starts on " + command.startsOn());
        }
        if (command.workingBodyId() != null) {
            Mandate.meetingWithin(command.kind(), command.workingBodyId(),
                    governance.mandateOf(command.workingBodyId()).orElse(null), command.startsOn(), command.endsOn());
        }
        apply(new MeetingScheduled(command.meetingId(), command.kind(), command.title(), command.venue(),
                command.startsOn(), command.endsOn(), command.workingBodyId()));
    }

    /** The rules: {@link Attendance#invitation}. */
    @CommandHandler
    public void handle(MeetingCommands.InviteAdHocObserver command, MemberFacts members) {
        notClosed();
        Attendance.invitation(state, command.memberId(), members);
        apply(new MeetingEvent.AdHocObserverInvited(meetingId, command.memberId(), command.invitedOn(),
                command.reference()));
    }

    /** The documents tabled are in the register ({@link DocumentRegister}). */
    @CommandHandler
    public void handle(AddAgendaItem command, Documents documents) {
        notClosed();
        DocumentRegister.named(documents, command.documentSymbols());
        apply(new AgendaItemAdded(meetingId, command.itemId(), command.title(), command.documentSymbols()));
    }

    /** Answers the capacity the member attends in ({@link Attendance}). */
    @CommandHandler
    public AttendanceCapacity handle(RecordAttendance command, MemberFacts members) {
        notClosed();
        WrittenProcedure.hasNoAttendance(state);
        Attendance.notYetRecorded(state, command.memberId());
        AttendanceCapacity capacity = Attendance.capacity(state, command.memberId(), members);
        apply(new AttendanceRecorded(meetingId, command.memberId(), capacity, command.representativeIds()));
        return capacity;
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
    public void handle(RaiseObjection command, MemberFacts members) {
        WrittenProcedure.takesObjections(state);
        notClosed();
        WrittenProcedure.objectionInTime(state, command.memberId(), command.objectedOn(),
                members.isPartyOn(command.memberId(), command.objectedOn()));
        apply(new ObjectionRaised(meetingId, command.memberId(), command.objectedOn()));
    }

    /**
     * The rules of domain.md §2, in the order a chair would check them. A decision that adopts a guidance note is
     * recorded on the note too, in this unit of work: if the note refuses, neither is stored.
     */
    @CommandHandler
    public DecisionTaken handle(AdoptDecision command, DecisionRules rules, DecisionSubjects subjects,
                                MemberFacts members, GuidanceNoteAdoptions notes, GovernanceRecords governance,
                                Documents documents) {
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
        withinMeetingDates(command.adoptedOn(), ", not on " + command.adoptedOn());
        DocumentRegister.named(documents, command.documentSymbol());
        if (command.workingBody() != null) {
            DocumentRegister.named(documents, command.workingBody().termsOfReference());
        }
        String subject = Governance.subjectOf(command);
        if (command.kind().needsSubject()) {
            subjects.problemWith(command.kind(), subject, command.version()).ifPresent(problem -> {
                throw new RuleViolation(UNKNOWN_SUBJECT, problem);
            });
        }
        Governance.welcomedAfterDeposit(command, members);
        long parties = members.partiesOn(state.scheduled().startsOn());
        Quorum.Count count = Quorum.count(state, parties, governance);
        if (state.isWrittenProcedure()) {
            WrittenProcedure.adoptedBySilence(state, command);
        } else {
            Quorum.check(rules.quorum(), count);
            Majority.check(rules.majority(), command.vote(), count.present());
        }
        apply(new DecisionAdopted(meetingId, command.decisionId(), command.agendaItemId(), command.kind(),
                subject, command.version(), command.text(), command.vote(), command.adoptedOn(),
                count.base(), count.present(), count.countedOn(), command.documentSymbol(), command.elected(),
                command.workingBody(), command.mandateUntil()));
        if (command.kind() == DecisionKind.ADOPT_GUIDANCE_NOTE) {
            notes.adopt(new AdoptGuidanceNote(subject, command.version(), meetingId, command.decisionId(),
                    command.adoptedOn())).ifPresent(refusal -> {
                throw new RuleViolation(UNKNOWN_SUBJECT, refusal);
            });
        }
        Governance.record(meetingId, command, governance);
        return new DecisionTaken(command.decisionId(), parties);
    }

    /** The report is a registered document ({@link DocumentRegister}). */
    @CommandHandler
    public void handle(PublishReport command, Documents documents) {
        if (!state.closed()) {
            throw new RuleViolation("report-after-close", "The report of " + meetingId + " is published after it closed");
        }
        DocumentRegister.named(documents, command.documentSymbol());
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
        if (command.adoptedOn() != null) {
            withinMeetingDates(command.adoptedOn(), "");
        }
        apply(new DecisionCorrected(meetingId, command.correctsEventId(), decisionId, command.reason(), command.text(),
                command.adoptedOn()));
    }

    private void notClosed() {
        if (state.closed()) {
            throw new RuleViolation("meeting-closed", meetingId + " is closed");
        }
    }

    private void withinMeetingDates(LocalDate adoptedOn, String detail) {
        if (!state.within(adoptedOn)) {
            throw new RuleViolation("adopted-within-meeting-dates", "A decision of " + meetingId + " is adopted between "
                    + state.scheduled().startsOn() + " and " + state.scheduled().endsOn() + detail);
        }
    }

    @EventSourcingHandler
    void on(MeetingEvent event, @MessageIdentifier String eventId) {
        if (event instanceof MeetingScheduled scheduled) {
            meetingId = scheduled.meetingId();
        }
        state = state.evolve(event, eventId);
    }
}
