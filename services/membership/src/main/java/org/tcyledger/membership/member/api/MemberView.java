package org.tcyledger.membership.member.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.InstrumentKind;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.MembershipEvent.AuthorityFunction;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationKind;
import org.tcyledger.contracts.membership.RepresentativeRole;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.membership.member.MemberNotices;
import org.tcyledger.membership.member.MemberState;

/** A member as the secretariat reads it on a legal date: only the steps taken by then count. */
record MemberView(String id, String name, MemberKind kind, boolean councilOfEuropeMember, LocalDate asOf,
                  Capacity capacity, LocalDate invitedOn, List<ObserverStatusView> observerStatus,
                  List<TreatyView> treaties, List<RepresentativeView> representatives, ContactPointView contactPoint) {

    /**
     * One treaty on the date: the steps taken by then, and the reservations, declarations, territorial applications
     * and authorities in force then (made with the instrument or notified later, less those withdrawn).
     */
    record TreatyView(Treaty treaty, TreatyStatus status, LocalDate signedOn, boolean withoutReservationAsToRatification,
                      InstrumentKind instrument, LocalDate depositedOn, LocalDate entryIntoForceOn,
                      List<StatementView> reservations, List<StatementView> declarations,
                      List<StatementView> territorialApplications, List<AuthorityView> authorities,
                      LocalDate denouncedOn, LocalDate denunciationEffectiveOn) {
    }

    record StatementView(String article, String text, LocalDate since) {
        static List<StatementView> of(List<MemberNotices.Statement> statements) {
            return statements.stream().map(s -> new StatementView(s.article(), s.text(), s.since())).toList();
        }
    }

    /** An authority designated under the treaty: an institution, whose contact details are not personal data. */
    record AuthorityView(String article, AuthorityFunction function, String institution, String address, String phone,
                         String email, LocalDate since) {
    }

    record ObserverStatusView(LocalDate grantedOn, LocalDate endedOn, String reference) {
    }

    record RepresentativeView(String representativeId, RepresentativeRole role, LocalDate appointedOn,
                              LocalDate withdrawnOn, String name, String email) {
    }

    record ContactPointView(String personId, String unit, String phone, String email) {
    }

    /** {@code open} reads a person's sealed fields, giving "[erased]" for each once the person's key is gone. */
    static MemberView of(MemberState state, LocalDate asOf, TreatyCalendar calendar,
                         BiFunction<String, String, Map<String, String>> open) {
        List<TreatyView> treaties = Arrays.stream(Treaty.values())
                .map(treaty -> treaty(state, treaty, asOf, calendar))
                .filter(view -> view.status() != TreatyStatus.NONE)
                .toList();
        List<ObserverStatusView> observer = state.observerPeriods().stream()
                .filter(period -> !period.grantedOn().isAfter(asOf))
                .map(period -> new ObserverStatusView(period.grantedOn(),
                        period.endedOn() != null && !period.endedOn().isAfter(asOf) ? period.endedOn() : null,
                        period.reference()))
                .toList();
        List<RepresentativeView> representatives = state.representatives().values().stream()
                .filter(rep -> !rep.appointedOn().isAfter(asOf))
                .sorted(Comparator.comparing(MemberState.Representative::appointedOn)
                        .thenComparing(MemberState.Representative::representativeId))
                .map(rep -> {
                    Map<String, String> person = open.apply(rep.personalData().personId(), rep.personalData().ciphertext());
                    return new RepresentativeView(rep.representativeId(), rep.role(), rep.appointedOn(),
                            rep.withdrawnOn() != null && !rep.withdrawnOn().isAfter(asOf) ? rep.withdrawnOn() : null,
                            person.get("name"), person.get("email"));
                })
                .toList();
        LocalDate invitedOn = state.invitation() != null && !state.invitation().invitedOn().isAfter(asOf)
                ? state.invitation().invitedOn() : null;
        return new MemberView(state.id(), state.name(), state.kind(), state.councilOfEuropeMember(), asOf,
                state.capacityOn(asOf, calendar), invitedOn, observer, treaties, representatives,
                contactPoint(state, open));
    }

    static ContactPointView contactPoint(MemberState state, BiFunction<String, String, Map<String, String>> open) {
        if (state.contactPoint() == null) {
            return null;
        }
        MemberState.ContactPoint point = state.contactPoint();
        Map<String, String> fields = open.apply(point.personalData().personId(), point.personalData().ciphertext());
        return new ContactPointView(point.personId(), point.unit(), fields.get("phone"), fields.get("email"));
    }

    static TreatyView treaty(MemberState state, Treaty treaty, LocalDate asOf, TreatyCalendar calendar) {
        MemberState.TreatyRecord record = state.treaty(treaty);
        TreatyStatus.Steps steps = state.steps(treaty, calendar);
        boolean signed = onOrBefore(record.signedOn(), asOf);
        boolean deposited = onOrBefore(record.depositedOn(), asOf);
        boolean consented = onOrBefore(record.consentOn(), asOf);
        boolean denounced = onOrBefore(record.denouncedOn(), asOf);
        MemberNotices notices = state.notices();
        List<AuthorityView> authorities = notices.notifiedOn(treaty, NotificationKind.AUTHORITY_DESIGNATED, asOf).stream()
                .map(a -> new AuthorityView(a.article(), a.authority().function(), a.authority().institution(),
                        a.authority().address(), a.authority().phone(), a.authority().email(), a.since()))
                .toList();
        return new TreatyView(treaty, TreatyStatus.on(asOf, steps),
                signed ? record.signedOn() : null, signed && record.definitiveSignature(),
                deposited ? record.instrument() : null,
                deposited ? record.depositedOn() : null,
                consented ? steps.entryIntoForceOn() : null,
                StatementView.of(notices.statementsOn(treaty, true, record.reservations(), record.depositedOn(), asOf)),
                StatementView.of(notices.statementsOn(treaty, false, record.declarations(), record.depositedOn(), asOf)),
                StatementView.of(notices.notifiedOn(treaty, NotificationKind.TERRITORIAL_APPLICATION, asOf)),
                authorities,
                denounced ? record.denouncedOn() : null,
                denounced ? record.denunciationEffectiveOn() : null);
    }

    static boolean onOrBefore(LocalDate step, LocalDate date) {
        return step != null && !step.isAfter(date);
    }
}
