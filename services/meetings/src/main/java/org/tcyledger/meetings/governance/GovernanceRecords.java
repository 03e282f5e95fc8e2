package org.tcyledger.meetings.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.meetings.MeetingEvent.Election;

/**
 * The committee's bodies as the Meeting's handlers need them (a port; Axon hands it to the handlers): a decision
 * records an election or a working body in its own unit of work and transaction (both stored, or neither, and a
 * refusal keeps its rule's name); a BUREAU meeting counts its quorum on the Bureau of the day; a working body's
 * meeting is held within its mandate.
 */
public interface GovernanceRecords {

    void elect(Bureau.ElectBureau election);

    void establish(WorkingBody.EstablishWorkingBody establishment);

    void extend(WorkingBody.ExtendMandate extension);

    /** The Bureau on {@code date}: every seat whose term covers it. */
    List<Election> bureauOn(LocalDate date);

    /** The working body's mandate, empty when no such body was established. */
    Optional<Mandate> mandateOf(String bodyId);
}
