package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Meeting;

/** A meeting's outcomes as the page shows them: the agenda with its documents' titles, attendance, decisions. */
@TemplateData
public record MeetingView(Meeting meeting, List<Item> agenda, List<Attendance> attendance, List<Decision> decisions) {

    /** A document named on the agenda; its title when the reader may see the document in the register. */
    @TemplateData
    public record DocumentLink(String symbol, String title) {
    }

    @TemplateData
    public record Item(String itemId, String title, List<DocumentLink> documents) {
    }

    @TemplateData
    public record Attendance(String capacity, List<Attendee> members) {
    }

    /** A member present, by its name in the register ({@code id} when the register does not know it). */
    @TemplateData
    public record Attendee(String id, String name) {
    }

    /** {@code consensus}, or the tally of a vote. */
    @TemplateData
    public record Vote(boolean consensus, long votesFor, long against, long abstentions) {

        static Vote of(JsonNode vote) {
            if (vote == null || !"VOTE".equals(vote.path("mode").asText())) {
                return new Vote(true, 0, 0, 0);
            }
            return new Vote(false, vote.path("for").asLong(), vote.path("against").asLong(),
                    vote.path("abstentions").asLong());
        }
    }

    /** {@code noteId}: the guidance note it adopted, for a link to it. */
    @TemplateData
    public record Decision(String decisionId, String agendaItem, String kind, String subject, Integer version,
                           String text, Vote vote, LocalDate adoptedOn, String noteId) {
    }
}
