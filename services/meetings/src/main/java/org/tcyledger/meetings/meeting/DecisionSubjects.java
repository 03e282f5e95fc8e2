package org.tcyledger.meetings.meeting;

import java.util.Optional;
import org.tcyledger.contracts.meetings.DecisionKind;

/**
 * Whether meetings knows what a decision decides on: its own guidance notes, its replicas of the other contexts.
 * Handlers of the Meeting aggregate receive it from Axon.
 */
@FunctionalInterface
public interface DecisionSubjects {

    /** Empty when the subject is known and can be decided on; otherwise why not. */
    Optional<String> problemWith(DecisionKind kind, String subject, Integer version);
}
