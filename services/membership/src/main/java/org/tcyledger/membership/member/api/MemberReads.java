package org.tcyledger.membership.member.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.membership.infra.StoredTreatyCalendars;
import org.tcyledger.membership.member.KeyholderRules;
import org.tcyledger.membership.member.MemberState;
import org.tcyledger.membership.member.PersonKeys;
import org.tcyledger.membership.member.PersonalData;

/** Reads members by replaying their stored events, up to a sequence or a recording time when an auditor asks. */
@ApplicationScoped
public class MemberReads {

    @Inject
    EventStreams streams;
    @Inject
    StoredTreatyCalendars calendars;
    @Inject
    PersonKeys keys;

    /** Empty when the member was not registered (at that sequence, by that time). */
    public Optional<MemberState> state(String id, Long atSequence, Instant recordedBy) {
        return streams.replay(id, MembershipEvent.class, MemberState.UNREGISTERED,
                        (state, event, envelope) -> state.evolve(event, envelope.id()),
                        new EventStreams.PointInTime(atSequence, recordedBy))
                .filter(MemberState::isRegistered);
    }

    public TreatyCalendar calendar(Instant recordedBy) {
        return calendars.asRecordedBy(recordedBy);
    }

    /**
     * The member as {@code reader} may read it: the secretariat reads personal data opened, auditors sealed (they
     * verify, they do not read names; the ciphertext is in the member's events).
     */
    public MemberView view(MemberState state, LocalDate asOf, TreatyCalendar calendar, PersonalDataReader reader) {
        return MemberView.of(state, asOf, calendar, reader == PersonalDataReader.OPENED ? this::open : this::sealed);
    }

    /** How a caller reads names, emails and phones. */
    public enum PersonalDataReader { OPENED, SEALED }

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

    /**
     * A contact point's fields opened for the keyholder. 403 for a token not scoped to contact points or anyone who
     * never was one; 410 once the person's data was erased (the key is gone and so is every way to read it).
     */
    public Map<String, String> openContactPoint(String personId, String ciphertext, Object scopeClaim) {
        if (!KeyholderRules.grants(scopeClaim, Roles.CONTACT_POINTS_SCOPE)) {
            throw new ForbiddenException("The keyholder's token is not scoped to '" + Roles.CONTACT_POINTS_SCOPE + "'");
        }
        String memberId = keys.holderOf(personId).orElseThrow(() -> erasedOrNeverHeld(personId));
        if (!KeyholderRules.isOrWasContactPoint(personId, events(memberId))) {
            throw new ForbiddenException("Only contact points' data is opened for the keyholder; '" + personId
                                         + "' was never a contact point");
        }
        return keys.open(personId, ciphertext).orElseThrow(() -> erasedOrNeverHeld(personId));
    }

    private static WebApplicationException erasedOrNeverHeld(String personId) {
        return new WebApplicationException("The data of '" + personId + "' was erased or never held",
                Response.Status.GONE);
    }

    private List<MembershipEvent> events(String memberId) {
        return streams.history(memberId).stream().map(EventStreams.Recorded::event)
                .filter(MembershipEvent.class::isInstance).map(MembershipEvent.class::cast).toList();
    }

    Map<String, String> sealed(String personId, String ciphertext) {
        return PersonalData.sealed(personId, keys);
    }

    Map<String, String> open(String personId, String ciphertext) {
        return PersonalData.opened(personId, ciphertext, keys);
    }
}
