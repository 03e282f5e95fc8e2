package org.tcyledger.membership.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyEvent;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.membership.member.TreatyCalendars;

/** The treaties' dates from their own streams in the event store (three short streams, read in the caller's transaction). */
@ApplicationScoped
public class StoredTreatyCalendars implements TreatyCalendars {

    @Inject
    EventStreams streams;

    @Override
    public TreatyCalendar current() {
        return asRecordedBy(null);
    }

    /** The calendar as recorded by {@code recordedBy} (null: now), for auditors' point-in-time reads. */
    public TreatyCalendar asRecordedBy(java.time.Instant recordedBy) {
        TreatyCalendar calendar = TreatyCalendar.EMPTY;
        for (Treaty treaty : Treaty.values()) {
            calendar = streams.replay(treaty.name(), TreatyEvent.class, calendar,
                    (dates, event, envelope) -> event instanceof TreatyEvent.TreatyEnteredIntoForce entered
                            ? dates.with(entered.treaty(), entered.inForceOn()) : dates,
                    new EventStreams.PointInTime(null, recordedBy)).orElse(calendar);
        }
        return calendar;
    }
}
