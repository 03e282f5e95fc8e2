package org.tcyledger.meetings.meeting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tcyledger.meetings.meeting.MeetingFixtures.DEADLINE;
import static org.tcyledger.meetings.meeting.MeetingFixtures.TCY_14;
import static org.tcyledger.meetings.meeting.MeetingFixtures.WP;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent.ObjectionRaised;
import org.tcyledger.contracts.meetings.MeetingEvent.Vote;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.meeting.MeetingCommands.AdoptDecision;

/** The written procedure's rules on a meeting's state, without Axon. */
class WrittenProcedureTest {

    private static final MeetingState PROCEDURE = MeetingState.UNSCHEDULED.evolve(WP, "e1");
    private static final MeetingState PLENARY = MeetingState.UNSCHEDULED.evolve(TCY_14, "e1");

    private static String refusal(Executable rule) {
        return assertThrows(RuleViolation.class, rule).rule();
    }

    private static AdoptDecision adopt(Vote vote, LocalDate adoptedOn) {
        return new AdoptDecision("WP-2017-ART18", "d1", "item-1", DecisionKind.GENERAL, null, null, "x", vote, adoptedOn);
    }

    @Test
    void aWrittenProcedureHasNoAttendanceAndTakesObjections() {
        assertEquals("no-attendance-in-written-procedure", refusal(() -> WrittenProcedure.hasNoAttendance(PROCEDURE)));
        assertDoesNotThrow(() -> WrittenProcedure.hasNoAttendance(PLENARY));
        assertEquals("objection-only-in-written-procedure", refusal(() -> WrittenProcedure.takesObjections(PLENARY)));
        assertDoesNotThrow(() -> WrittenProcedure.takesObjections(PROCEDURE));
    }

    @Test
    void aPartyObjectsUntilTheDeadline() {
        assertDoesNotThrow(() -> WrittenProcedure.objectionInTime(PROCEDURE, "FR", DEADLINE, true));
        assertEquals("objection-after-deadline",
                refusal(() -> WrittenProcedure.objectionInTime(PROCEDURE, "FR", DEADLINE.plusDays(1), true)));
        assertEquals("objection-only-by-party",
                refusal(() -> WrittenProcedure.objectionInTime(PROCEDURE, "INTERPOL", DEADLINE, false)));
    }

    @Test
    void adoptedBySilenceOnTheDeadlineWithoutObjection() {
        assertDoesNotThrow(() -> WrittenProcedure.adoptedBySilence(PROCEDURE, adopt(Vote.consensus(), DEADLINE)));
        assertEquals("written-procedure-adopts-by-silence",
                refusal(() -> WrittenProcedure.adoptedBySilence(PROCEDURE, adopt(Vote.tally(30, 0, 0), DEADLINE))));
        assertEquals("written-procedure-adopted-at-deadline", refusal(() ->
                WrittenProcedure.adoptedBySilence(PROCEDURE, adopt(Vote.consensus(), DEADLINE.minusDays(1)))));
        MeetingState objected = PROCEDURE.evolve(new ObjectionRaised("WP-2017-ART18", "FR", DEADLINE), "e2");
        assertEquals("written-procedure-without-objection",
                refusal(() -> WrittenProcedure.adoptedBySilence(objected, adopt(Vote.consensus(), DEADLINE))));
    }
}
