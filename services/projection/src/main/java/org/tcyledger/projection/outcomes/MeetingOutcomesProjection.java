package org.tcyledger.projection.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.consumer.EventConsumer;
import org.tcyledger.eventsourcing.consumer.Writes;

/** Meeting outcomes from tcy.meetings.v1; corrections replace what they correct. */
@ApplicationScoped
public class MeetingOutcomesProjection extends EventConsumer<MeetingEvent> {

    public MeetingOutcomesProjection() {
        super("projection-meetings", MeetingEvent.class, Topics.MEETINGS);
    }

    @Override
    protected void apply(MeetingEvent event, EventEnvelope envelope, Writes writes) throws SQLException {
        switch (event) {
            case MeetingEvent.MeetingScheduled s -> writes.update("INSERT INTO outcome_meeting (id, kind, title, "
                    + "venue, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    s.meetingId(), s.kind().name(), s.title(), s.venue(), s.startsOn(), s.endsOn());
            case MeetingEvent.AgendaItemAdded a -> writes.update("INSERT INTO outcome_agenda_item (meeting_id, "
                    + "item_id, title, document_symbols) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    a.meetingId(), a.itemId(), a.title(), String.join("|", a.documentSymbols()));
            case MeetingEvent.AttendanceRecorded a -> writes.update("INSERT INTO outcome_attendance (meeting_id, "
                    + "member_id, capacity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    a.meetingId(), a.memberId(), a.capacity().name());
            case MeetingEvent.AttendanceCorrected c -> writes.update(
                    "DELETE FROM outcome_attendance WHERE meeting_id = ? AND member_id = ?", c.meetingId(), c.memberId());
            case MeetingEvent.MeetingOpened o -> writes.update(
                    "UPDATE outcome_meeting SET opened = true WHERE id = ?", o.meetingId());
            case MeetingEvent.MeetingClosed c -> writes.update(
                    "UPDATE outcome_meeting SET closed = true WHERE id = ?", c.meetingId());
            case MeetingEvent.MeetingReportPublished r -> writes.update("UPDATE outcome_meeting SET report_symbol = ?, "
                    + "report_published = ? WHERE id = ?", r.documentSymbol(), r.publishedOn(), r.meetingId());
            case MeetingEvent.DecisionAdopted d -> writes.update("INSERT INTO outcome_decision (meeting_id, "
                    + "decision_id, agenda_item_id, kind, subject, version, text, vote, adopted_on) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    d.meetingId(), d.decisionId(), d.agendaItemId(), d.kind().name(), d.subject(), d.version(), d.text(),
                    json(d.vote()), d.adoptedOn());
            case MeetingEvent.DecisionCorrected c -> writes.update("UPDATE outcome_decision SET "
                    + "text = COALESCE(?, text), adopted_on = COALESCE(?, adopted_on) WHERE meeting_id = ? AND decision_id = ?",
                    c.text(), c.adoptedOn(), c.meetingId(), c.decisionId());
            case MeetingEvent.ObjectionRaised o -> {
                // an objection matters to the written procedure's outcome only through the decision it prevents
            }
            case MeetingEvent.AdHocObserverInvited i -> {
                // an invitation shows in the outcomes through the attendance it allows
            }
        }
    }
}
