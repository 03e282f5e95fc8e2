package org.tcyledger.membership.treaty.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyEntryIntoForce;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.stream.EventStreams;
import org.tcyledger.membership.infra.StoredTreatyCalendars;
import org.tcyledger.membership.member.MemberState;
import org.tcyledger.membership.member.api.MemberReads;

/** A treaty with the consents the register holds, read by replaying every member (the register is small). */
@ApplicationScoped
class TreatyReads {

    @Inject
    EventStreams streams;
    @Inject
    MemberReads members;
    @Inject
    StoredTreatyCalendars calendars;

    TreatyView treaty(Treaty treaty) {
        TreatyCalendar calendar = calendars.current();
        List<TreatyEntryIntoForce.Consent> consents = new ArrayList<>();
        List<MemberState> consenting = new ArrayList<>();
        for (String id : streams.aggregateIds("Member")) {
            Optional<MemberState> member = members.state(id, null, null);
            if (member.isEmpty() || member.get().treaty(treaty).consentOn() == null) {
                continue;
            }
            MemberState state = member.get();
            var on = state.treaty(treaty).consentOn();
            consents.add(new TreatyEntryIntoForce.Consent(state.id(), state.kind(), state.councilOfEuropeMember(), on,
                    state.statusOn(Treaty.ETS185, on, calendar) == TreatyStatus.PARTY));
            consenting.add(state);
        }
        TreatyEntryIntoForce.Derived derived = TreatyEntryIntoForce.derive(treaty, consents);
        List<TreatyView.ConsentView> views = new ArrayList<>();
        for (int i = 0; i < consents.size(); i++) {
            TreatyEntryIntoForce.Consent consent = consents.get(i);
            MemberState.TreatyRecord record = consenting.get(i).treaty(treaty);
            views.add(new TreatyView.ConsentView(consent.memberId(), consenting.get(i).name(), consent.on(),
                    record.definitiveSignature() ? "SIGNATURE_WITHOUT_RESERVATION" : record.instrument().name(),
                    consent.councilOfEuropeMember(), TreatyEntryIntoForce.counts(treaty, consent),
                    consent.equals(derived.decisive())));
        }
        views.sort(Comparator.comparing(TreatyView.ConsentView::on).thenComparing(TreatyView.ConsentView::memberId));
        var recorded = calendar.inForceOn(treaty).orElse(null);
        return new TreatyView(treaty, treaty.title(), treaty.openedOn(), recorded, derived.inForceOn(),
                List.copyOf(views), Objects.equals(recorded, derived.inForceOn()));
    }
}
