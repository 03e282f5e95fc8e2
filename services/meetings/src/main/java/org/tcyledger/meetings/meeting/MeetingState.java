package org.tcyledger.meetings.meeting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.tcyledger.contracts.meetings.AttendanceCapacity;
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
import org.tcyledger.contracts.meetings.MeetingKind;

/** A meeting as its events made it; the aggregate decides on it and the reads replay it. */
public record MeetingState(MeetingScheduled scheduled, boolean opened, boolean closed,
                           Map<String, AgendaItemAdded> agenda, Map<String, AttendanceRecorded> attendance,
                           List<ObjectionRaised> objections, Map<String, DecisionAdopted> decisions,
                           MeetingReportPublished report, Map<String, String> recordedBy,
                           Set<String> adHocObservers) {

    public static final MeetingState UNSCHEDULED = new MeetingState(null, false, false, Map.of(), Map.of(), List.of(),
            Map.of(), null, Map.of(), Set.of());

    public String id() {
        return scheduled == null ? null : scheduled.meetingId();
    }

    public MeetingKind kind() {
        return scheduled.kind();
    }

    public boolean isWrittenProcedure() {
        return scheduled.kind() == MeetingKind.WRITTEN_PROCEDURE;
    }

    public long partiesPresent() {
        return attendance.values().stream().filter(a -> a.capacity() == AttendanceCapacity.PARTY).count();
    }

    /** The members among {@code seats} attending: at a BUREAU meeting, the Bureau members present. */
    public long presentAmong(Set<String> seats) {
        return attendance.keySet().stream().filter(seats::contains).count();
    }

    public boolean within(LocalDate date) {
        return !date.isBefore(scheduled.startsOn()) && !date.isAfter(scheduled.endsOn());
    }

    /** What an event id recorded: "attendance:<member>" or "decision:<id>", for corrections. */
    public String recordOf(String eventId) {
        return recordedBy.get(eventId);
    }

    public MeetingState evolve(MeetingEvent event, String eventId) {
        return switch (event) {
            case MeetingScheduled s -> new MeetingState(s, false, false, Map.of(), Map.of(), List.of(), Map.of(), null,
                    Map.of(), Set.of());
            case AgendaItemAdded item -> new MeetingState(scheduled, opened, closed, put(agenda, item.itemId(), item),
                    attendance, objections, decisions, report, recordedBy, adHocObservers);
            case AttendanceRecorded a -> new MeetingState(scheduled, opened, closed, agenda,
                    put(attendance, a.memberId(), a), objections, decisions, report,
                    put(recordedBy, eventId, "attendance:" + a.memberId()), adHocObservers);
            case MeetingOpened o -> new MeetingState(scheduled, true, closed, agenda, attendance, objections, decisions,
                    report, recordedBy, adHocObservers);
            case MeetingClosed c -> new MeetingState(scheduled, opened, true, agenda, attendance, objections,
                    decisions, report, recordedBy, adHocObservers);
            case ObjectionRaised o -> new MeetingState(scheduled, opened, closed, agenda, attendance,
                    append(objections, o), decisions, report, recordedBy, adHocObservers);
            case DecisionAdopted d -> new MeetingState(scheduled, opened, closed, agenda, attendance, objections,
                    put(decisions, d.decisionId(), d), report, put(recordedBy, eventId, "decision:" + d.decisionId()),
                    adHocObservers);
            case MeetingReportPublished r -> new MeetingState(scheduled, opened, closed, agenda, attendance,
                    objections, decisions, r, recordedBy, adHocObservers);
            case DecisionCorrected c -> {
                DecisionAdopted d = decisions.get(c.decisionId());
                DecisionAdopted corrected = new DecisionAdopted(d.meetingId(), d.decisionId(), d.agendaItemId(),
                        d.kind(), d.subject(), d.version(), c.text() != null ? c.text() : d.text(), d.vote(),
                        c.adoptedOn() != null ? c.adoptedOn() : d.adoptedOn(), d.partiesOnStartsOn(), d.partiesPresent(),
                        d.countedOn(), d.documentSymbol(), d.elected(), d.workingBody(), d.mandateUntil());
                yield new MeetingState(scheduled, opened, closed, agenda, attendance, objections,
                        put(decisions, d.decisionId(), corrected), report,
                        eventId == null ? recordedBy : put(recordedBy, eventId, "decision:" + d.decisionId()), adHocObservers);
            }
            case MeetingEvent.AdHocObserverInvited i -> {
                Set<String> next = new HashSet<>(adHocObservers);
                next.add(i.memberId());
                yield new MeetingState(scheduled, opened, closed, agenda, attendance, objections, decisions, report,
                        recordedBy, Set.copyOf(next));
            }
            case AttendanceCorrected c -> {
                Map<String, AttendanceRecorded> next = new LinkedHashMap<>(attendance);
                next.remove(c.memberId());
                yield new MeetingState(scheduled, opened, closed, agenda, Map.copyOf(next), objections, decisions,
                        report, recordedBy, adHocObservers);
            }
        };
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> next = new HashMap<>(map);
        if (key != null) {
            next.put(key, value);
        }
        return Map.copyOf(next);
    }

    private static <V> List<V> append(List<V> list, V value) {
        java.util.ArrayList<V> next = new java.util.ArrayList<>(list);
        next.add(value);
        return List.copyOf(next);
    }
}
