package org.tcyledger.membership.member.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.personal.PersonalDataVault;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.membership.infra.StoredTreatyCalendars;
import org.tcyledger.membership.member.MemberState;

/** Reads members by replaying their stored events, up to a sequence or a recording time when an auditor asks. */
@ApplicationScoped
public class MemberReads {

    @Inject
    EventStreams streams;
    @Inject
    StoredTreatyCalendars calendars;
    @Inject
    PersonalDataVault vault;

    /** Empty when the member was not registered (at that sequence, by that time). */
    public Optional<MemberState> state(String id, Long atSequence, Instant recordedBy) {
        MemberState state = MemberState.UNREGISTERED;
        for (EventStreams.Recorded recorded : streams.history(id)) {
            if (atSequence != null && recorded.envelope().sequence() > atSequence
                || recordedBy != null && recorded.envelope().time().isAfter(recordedBy)) {
                break;
            }
            if (!(recorded.event() instanceof MembershipEvent event)) {
                return Optional.empty();
            }
            state = state.evolve(event, recorded.envelope().id());
        }
        return state.isRegistered() ? Optional.of(state) : Optional.empty();
    }

    public TreatyCalendar calendar(Instant recordedBy) {
        return calendars.asRecordedBy(recordedBy);
    }

    public MemberView view(MemberState state, LocalDate asOf, TreatyCalendar calendar) {
        return MemberView.of(state, asOf, calendar, this::open);
    }

    public List<RegisterEntry> register(LocalDate asOf, Treaty treaty, TreatyStatus status) {
        TreatyCalendar calendar = calendars.current();
        return streams.aggregateIds("Member").stream()
                .map(id -> state(id, null, null))
                .flatMap(Optional::stream)
                .map(state -> entry(state, treaty, asOf, calendar))
                .filter(entry -> status == null || entry.status() == status)
                .toList();
    }

    public RegisterEntry entry(MemberState state, Treaty treaty, LocalDate asOf, TreatyCalendar calendar) {
        MemberView.TreatyView view = MemberView.treaty(state, treaty, asOf, calendar);
        MemberView.ContactPointView point = MemberView.contactPoint(state, this::open);
        return new RegisterEntry(state.id(), state.name(), state.kind(), treaty, view.status(),
                view.entryIntoForceOn(), state.capacityOn(asOf, calendar),
                point == null ? null : new RegisterEntry.ContactPoint(point.unit(), point.phone(), point.email()));
    }

    /** A person's fields, or "[erased]" in each once the person's key was destroyed. */
    Map<String, String> open(String personId, String ciphertext) {
        return vault.open(personId, ciphertext).orElseGet(() -> {
            Map<String, String> erased = new LinkedHashMap<>();
            for (String field : List.of("name", "email", "phone")) {
                erased.put(field, PersonalDataVault.ERASED);
            }
            return erased;
        });
    }
}
