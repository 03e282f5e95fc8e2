package org.tcyledger.meetings.meeting;

import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.eventsourcing.web.InvalidRequest;
import org.tcyledger.meetings.governance.Bureau;
import org.tcyledger.meetings.governance.GovernanceRecords;
import org.tcyledger.meetings.governance.WorkingBody;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;

/**
 * The decisions by which the plenary governs itself (domain.md §2): elections to the Bureau, working bodies set up
 * and their mandates extended (each recorded on the body in the decision's transaction, where the body's own rules
 * are checked), and the welcome of a new Party, which follows its deposit.
 */
public final class Governance {

    private Governance() {
    }

    /** The subject of the decision: for ESTABLISH_WORKING_BODY the new body's id when none is given. */
    public static String subjectOf(AdoptDecision command) {
        if (command.kind() == DecisionKind.ESTABLISH_WORKING_BODY) {
            if (command.workingBody() == null) {
                throw new InvalidRequest("workingBody", "is required for a decision of kind ESTABLISH_WORKING_BODY");
            }
            if (command.subject() != null && !command.subject().equals(command.workingBody().id())) {
                throw new InvalidRequest("subject", "names the working body set up, " + command.workingBody().id());
            }
            return command.workingBody().id();
        }
        if (command.kind() == DecisionKind.EXTEND_MANDATE && command.mandateUntil() == null) {
            throw new InvalidRequest("mandateUntil", "is required for a decision of kind EXTEND_MANDATE");
        }
        return command.subject();
    }

    /** The committee welcomes a deposit, often before its entry into force, never before it. */
    public static void welcomedAfterDeposit(AdoptDecision command, MemberFacts members) {
        if (command.kind() == DecisionKind.WELCOME_NEW_PARTY
            && !members.hasDepositedBy(command.subject(), command.adoptedOn())) {
            throw new RuleViolation("welcome-after-deposit", command.subject() + " had deposited no instrument for "
                    + "ETS185 by " + command.adoptedOn() + "; the committee welcomes a deposit");
        }
    }

    /** Records an election or a working body on that body, in the decision's unit of work. */
    public static void record(String meetingId, AdoptDecision command, GovernanceRecords governance) {
        switch (command.kind()) {
            case ELECT_BUREAU -> governance.elect(new Bureau.ElectBureau(
                    org.tcyledger.contracts.meetings.GovernanceEvent.BUREAU, meetingId, command.decisionId(),
                    command.adoptedOn(), command.elected()));
            case ESTABLISH_WORKING_BODY -> governance.establish(new WorkingBody.EstablishWorkingBody(
                    command.workingBody().id(), command.workingBody().name(), command.workingBody().kind(),
                    command.workingBody().termsOfReference(), command.workingBody().mandateUntil(),
                    command.workingBody().members(), meetingId, command.decisionId(), command.adoptedOn()));
            case EXTEND_MANDATE -> governance.extend(new WorkingBody.ExtendMandate(command.subject(),
                    command.mandateUntil(), meetingId, command.decisionId(), command.adoptedOn()));
            default -> {
            }
        }
    }
}
