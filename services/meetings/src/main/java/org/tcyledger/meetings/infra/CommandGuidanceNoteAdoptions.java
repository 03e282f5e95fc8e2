package org.tcyledger.meetings.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.tcyledger.eventsourcing.RuleViolation;
import org.tcyledger.meetings.meeting.GuidanceNoteAdoptions;
import org.tcyledger.meetings.note.GuidanceNote.AdoptGuidanceNote;

/**
 * Sends the adoption to the note from within the Meeting's handler: Axon handles it in a unit of work nested in the
 * decision's, whose events are stored when the decision's are, after them, in the same transaction; a refusal by the
 * note rolls back both.
 */
@ApplicationScoped
public class CommandGuidanceNoteAdoptions implements GuidanceNoteAdoptions {

    @Inject
    CommandGateway gateway;

    @Override
    public Optional<String> adopt(AdoptGuidanceNote adoption) {
        try {
            gateway.sendAndWait(adoption);
            return Optional.empty();
        } catch (RuleViolation refused) {
            return Optional.of(refused.getMessage());
        }
    }
}
