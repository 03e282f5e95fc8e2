package org.tcyledger.membership.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.MembershipEvent.Authority;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointAdded;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointDesignated;
import org.tcyledger.contracts.membership.MembershipEvent.ContactPointWithdrawn;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationKind;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.contracts.membership.MembershipEvent.SealedPersonalData;
import org.tcyledger.contracts.membership.Treaty;

/**
 * What a member notified after its deposit (reservations, declarations, their withdrawals, territorial application,
 * designated authorities), and its units in the 24/7 network (Article 35), as its events made them.
 */
public record MemberNotices(List<NotificationReceived> notifications, Map<String, NetworkUnit> units) {

    public static final MemberNotices NONE = new MemberNotices(List.of(), Map.of());

    /**
     * A unit of the 24/7 network. A designation through {@code PUT /contact-point} is the unit {@code personId} with
     * its phone and email sealed; a unit added through {@code POST /contact-points} is an institution in clear,
     * with an optional named person sealed.
     */
    public record NetworkUnit(String unitId, String institution, String phone, String email, String hours,
                              LocalDate designatedOn, LocalDate withdrawnOn, SealedPersonalData person) {
        public boolean inForceOn(LocalDate date) {
            return (designatedOn == null || !designatedOn.isAfter(date))
                   && (withdrawnOn == null || date.isBefore(withdrawnOn));
        }
    }

    /** A reservation, declaration or authority in force on a date, with the date it took effect. */
    public record Statement(String article, String text, LocalDate since, Authority authority) {
    }

    MemberNotices notified(NotificationReceived notification) {
        List<NotificationReceived> next = new ArrayList<>(notifications);
        next.add(notification);
        return new MemberNotices(List.copyOf(next), units);
    }

    /** A designation replaces every unit in force on its date (all of them when it carries no date). */
    MemberNotices designated(ContactPointDesignated designated) {
        Map<String, NetworkUnit> next = new LinkedHashMap<>();
        units.forEach((id, unit) -> {
            boolean replaced = unit.withdrawnOn() == null;
            next.put(id, replaced ? withdrawn(unit, designated.designatedOn()) : unit);
        });
        next.put(designated.personId(), new NetworkUnit(designated.personId(), designated.unit(), null, null, null,
                designated.designatedOn(), null, designated.personalData()));
        return new MemberNotices(notifications, next);
    }

    MemberNotices added(ContactPointAdded added) {
        Map<String, NetworkUnit> next = new LinkedHashMap<>(units);
        next.put(added.unitId(), new NetworkUnit(added.unitId(), added.institution(), added.phone(), added.email(),
                added.hours(), added.designatedOn(), null, added.person()));
        return new MemberNotices(notifications, next);
    }

    MemberNotices withdrawn(ContactPointWithdrawn withdrawn) {
        Map<String, NetworkUnit> next = new LinkedHashMap<>(units);
        next.computeIfPresent(withdrawn.unitId(), (id, unit) -> withdrawn(unit, withdrawn.withdrawnOn()));
        return new MemberNotices(notifications, next);
    }

    private static NetworkUnit withdrawn(NetworkUnit unit, LocalDate on) {
        // an undated designation replaces the earlier units from the start: they never were in force
        LocalDate end = on != null ? on : unit.designatedOn() != null ? unit.designatedOn() : LocalDate.MIN;
        return new NetworkUnit(unit.unitId(), unit.institution(), unit.phone(), unit.email(), unit.hours(),
                unit.designatedOn(), end, unit.person());
    }

    public boolean knowsPerson(String personId) {
        return units.values().stream().anyMatch(unit -> unit.person() != null
                                                        && unit.person().personId().equals(personId));
    }

    /**
     * The reservations (or declarations) of {@code treaty} in force on {@code date}: those made with the instrument
     * ({@code atDeposit}, from {@code depositedOn}) and those notified later, less those withdrawn by then, by article.
     */
    public List<Statement> statementsOn(Treaty treaty, boolean reservations, List<ArticleStatement> atDeposit,
                                        LocalDate depositedOn, LocalDate date) {
        Map<String, Statement> inForce = new LinkedHashMap<>();
        if (depositedOn != null && !depositedOn.isAfter(date)) {
            atDeposit.forEach(s -> inForce.put(s.article(), new Statement(s.article(), s.text(), depositedOn, null)));
        }
        NotificationKind made = reservations ? NotificationKind.RESERVATION : NotificationKind.DECLARATION;
        NotificationKind withdrawn = reservations ? NotificationKind.RESERVATION_WITHDRAWN
                : NotificationKind.DECLARATION_WITHDRAWN;
        for (NotificationReceived n : effectiveBy(treaty, date)) {
            if (n.kind() == made) {
                inForce.put(n.article(), new Statement(n.article(), n.text(), n.effectiveOn(), null));
            } else if (n.kind() == withdrawn) {
                inForce.remove(n.article());
            }
        }
        return List.copyOf(inForce.values());
    }

    /** Notifications of one kind in force on {@code date} (authorities, territorial applications). */
    public List<Statement> notifiedOn(Treaty treaty, NotificationKind kind, LocalDate date) {
        return effectiveBy(treaty, date).stream().filter(n -> n.kind() == kind)
                .map(n -> new Statement(n.article(), n.text(), n.effectiveOn(), n.authority())).toList();
    }

    private List<NotificationReceived> effectiveBy(Treaty treaty, LocalDate date) {
        return notifications.stream()
                .filter(n -> n.treaty() == treaty && !n.effectiveOn().isAfter(date))
                .sorted(java.util.Comparator.comparing(NotificationReceived::effectiveOn))
                .toList();
    }
}
