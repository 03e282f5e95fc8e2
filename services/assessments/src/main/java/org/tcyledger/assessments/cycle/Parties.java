package org.tcyledger.assessments.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * The Parties to ETS185 and the observer States, facts of membership's that assessments reads from its replica of the
 * register once it has caught up. Handlers of the AssessmentCycle receive it from Axon; {@link AssessedParties} decides what it means.
 */
public interface Parties {

    /** The ids of the Parties to ETS185 on {@code date}. */
    List<String> on(LocalDate date);

    /** The ids of the States whose committee capacity is OBSERVER on {@code date} (domain.md §1). */
    List<String> observerStatesOn(LocalDate date);

    /** Whether {@code memberId} is a Party to ETS185 today. */
    boolean isPartyToday(String memberId);
}
