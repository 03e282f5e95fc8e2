package org.tcyledger.register;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;
import org.tcyledger.contracts.membership.TreatyStatus;

/** Answers the register on a date from the read model, with the same status rules membership uses. */
@ApplicationScoped
public class MemberRegister {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MemberRegisterReplica replica;
    @Inject
    org.tcyledger.eventsourcing.consumer.ConsumerRunner consumers;

    /** Returns once the register has applied everything tcy.membership.v1 held when called (else 503). */
    public void awaitCaughtUp() {
        consumers.awaitCaughtUp(replica.group());
    }

    /** The register's consumer group in this service, for read-your-writes. */
    public String group() {
        return replica.group();
    }

    public boolean exists(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM register_member WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
    }

    /** The names the register holds for {@code ids}; an id it does not know is absent from the answer. */
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, name FROM register_member WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    names.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
        return names;
    }

    /** The number of Parties to ETS185 on a date: the P of the quorum rule. */
    public long partiesOn(LocalDate date) {
        return on(date, Treaty.ETS185, TreatyStatus.PARTY).size();
    }

    public List<RegisterEntry> on(LocalDate date, Treaty treaty, TreatyStatus status) {
        return query(date, treaty, null).stream()
                .filter(entry -> status == null || entry.status() == status)
                .toList();
    }

    public Optional<RegisterEntry> member(String id, LocalDate date, Treaty treaty) {
        return query(date, treaty, id).stream().findFirst();
    }

    /**
     * The register for a treaty on each of {@code dates}, what {@link #on} answers for each, from one reading of the
     * read model rather than one per date (the indicators count it on every 31 December of a range).
     */
    public Map<LocalDate, List<RegisterEntry>> onEach(Collection<LocalDate> dates, Treaty treaty) {
        return read(new TreeSet<>(dates), treaty, null);
    }

    private List<RegisterEntry> query(LocalDate date, Treaty treaty, String onlyId) {
        return read(new TreeSet<>(List.of(date)), treaty, onlyId).get(date);
    }

    /** A member's observer status from {@code grantedOn} until the day before {@code endedOn} (null: still held). */
    private record ObserverPeriod(LocalDate grantedOn, LocalDate endedOn) {
        boolean covers(LocalDate date) {
            return !grantedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
        }
    }

    private Map<LocalDate, List<RegisterEntry>> read(SortedSet<LocalDate> dates, Treaty treaty, String onlyId) {
        String sql = "SELECT m.id, m.name, m.kind, m.invited_on, "
                     + "t.signed_on, t.deposited_on, t.entry_into_force_on, t.denunciation_effective_on, "
                     + "c.signed_on, c.deposited_on, c.entry_into_force_on, c.denunciation_effective_on, "
                     + "p.unit, p.phone, p.email, "
                     + "ARRAY(SELECT o.granted_on FROM register_observer_period o WHERE o.member_id = m.id "
                     + "      ORDER BY o.granted_on), "
                     + "t.signed_without_reservation, t.signature_entry_into_force_on, "
                     + "ARRAY(SELECT o.ended_on FROM register_observer_period o WHERE o.member_id = m.id "
                     + "      ORDER BY o.granted_on) "
                     + "FROM register_member m "
                     + "LEFT JOIN register_treaty t ON t.member_id = m.id AND t.treaty = ? "
                     + "LEFT JOIN register_treaty c ON c.member_id = m.id AND c.treaty = 'ETS185' "
                     + "LEFT JOIN register_contact_point p ON p.member_id = m.id "
                     + (onlyId == null ? "" : "WHERE m.id = ? ")
                     + "ORDER BY m.id";
        Map<LocalDate, List<RegisterEntry>> registers = new LinkedHashMap<>();
        dates.forEach(date -> registers.put(date, new ArrayList<>()));
        try (Connection connection = dataSource.getConnection()) {
            TreatyCalendar calendar = calendar(connection);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, treaty.name());
                if (onlyId != null) {
                    select.setString(2, onlyId);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate invitedOn = date(row, 4);
                        // the signature without reservation as to ratification is the consent, like a deposit
                        Consent consent = Consent.of(date(row, 6), null, date(row, 7), date(row, 5),
                                row.getBoolean(17), date(row, 18));
                        TreatyStatus.Steps steps = steps(treaty, treaty == Treaty.ETS185 ? invitedOn : null,
                                date(row, 5), consent, date(row, 8), calendar);
                        TreatyStatus.Steps convention = steps(Treaty.ETS185, invitedOn, date(row, 9),
                                Consent.of(date(row, 10), null, date(row, 11), null, false, null), date(row, 12), calendar);
                        List<ObserverPeriod> observerPeriods = observerPeriods(row, 16, 19);
                        String unit = row.getString(13);
                        RegisterEntry.ContactPoint contactPoint = unit == null ? null
                                : new RegisterEntry.ContactPoint(unit, row.getString(14), row.getString(15));
                        for (LocalDate date : dates) {
                            TreatyStatus status = TreatyStatus.on(date, steps);
                            boolean observer = observerPeriods.stream().anyMatch(period -> period.covers(date));
                            Capacity capacity = Capacity.of(TreatyStatus.on(date, convention), observer);
                            LocalDate deposited = steps.depositedOn();
                            LocalDate entryIntoForceOn = deposited != null && !deposited.isAfter(date)
                                    ? steps.entryIntoForceOn() : null;
                            registers.get(date).add(new RegisterEntry(row.getString(1), row.getString(2),
                                    MemberKind.valueOf(row.getString(3)), treaty, status, entryIntoForceOn, capacity,
                                    contactPoint));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
        return registers;
    }

    /** The periods from two arrays in the same order: their first days and their ends. */
    private static List<ObserverPeriod> observerPeriods(ResultSet row, int grantedColumn, int endedColumn)
            throws SQLException {
        Object[] granted = (Object[]) row.getArray(grantedColumn).getArray();
        Object[] ended = (Object[]) row.getArray(endedColumn).getArray();
        List<ObserverPeriod> periods = new ArrayList<>(granted.length);
        for (int i = 0; i < granted.length; i++) {
            periods.add(new ObserverPeriod(((java.sql.Date) granted[i]).toLocalDate(),
                    ended[i] == null ? null : ((java.sql.Date) ended[i]).toLocalDate()));
        }
        return periods;
    }

    static TreatyCalendar calendar(Connection connection) throws SQLException {
        Map<Treaty, LocalDate> dates = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT treaty, in_force_on FROM register_treaty_in_force");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                dates.put(Treaty.valueOf(rows.getString(1)), rows.getDate(2).toLocalDate());
            }
        }
        return new TreatyCalendar(dates);
    }

    private static TreatyStatus.Steps steps(Treaty treaty, LocalDate invitedOn, LocalDate signedOn, Consent consent,
                                            LocalDate denunciationEffectiveOn, TreatyCalendar calendar) {
        return consent == null
                ? new TreatyStatus.Steps(invitedOn, signedOn, null, null, denunciationEffectiveOn)
                : new TreatyStatus.Steps(invitedOn, signedOn, consent.on(),
                calendar.entryIntoForce(treaty, consent.on(), consent.recordedEntryIntoForce()), denunciationEffectiveOn);
    }

    static LocalDate date(ResultSet row, int column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
