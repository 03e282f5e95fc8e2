package org.tcyledger.projection.register;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;

/** Answers the register on a date from the read model, with the same status rule membership uses. */
@ApplicationScoped
public class MemberRegister {

    /** One line of the register: a member under one treaty on a date. */
    public record Entry(String id, String name, MemberKind kind, Treaty treaty, TreatyStatus status,
                        LocalDate entryIntoForceOn, Capacity capacity, Object contactPoint) {
    }

    @Inject
    AgroalDataSource dataSource;

    public List<Entry> on(LocalDate date, Treaty treaty, TreatyStatus status) {
        return query(date, treaty, null).stream()
                .filter(entry -> status == null || entry.status() == status)
                .toList();
    }

    public Optional<Entry> member(String id, LocalDate date, Treaty treaty) {
        return query(date, treaty, id).stream().findFirst();
    }

    private List<Entry> query(LocalDate date, Treaty treaty, String onlyId) {
        String sql = "SELECT m.id, m.name, m.kind, t.signed_on, t.deposited_on, t.entry_into_force_on, "
                     + "c.signed_on, c.deposited_on, c.entry_into_force_on "
                     + "FROM register_member m "
                     + "LEFT JOIN register_treaty t ON t.member_id = m.id AND t.treaty = ? "
                     + "LEFT JOIN register_treaty c ON c.member_id = m.id AND c.treaty = 'ETS185' "
                     + (onlyId == null ? "" : "WHERE m.id = ? ")
                     + "ORDER BY m.id";
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, treaty.name());
            if (onlyId != null) {
                select.setString(2, onlyId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    TreatyStatus.Steps steps = steps(row, 4);
                    TreatyStatus status = TreatyStatus.on(date, steps);
                    Capacity capacity = Capacity.of(TreatyStatus.on(date, steps(row, 7)), false);
                    LocalDate deposited = steps.depositedOn();
                    LocalDate entryIntoForceOn = deposited != null && !deposited.isAfter(date)
                            ? steps.entryIntoForceOn() : null;
                    entries.add(new Entry(row.getString(1), row.getString(2), MemberKind.valueOf(row.getString(3)),
                            treaty, status, entryIntoForceOn, capacity, null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
        return entries;
    }

    private static TreatyStatus.Steps steps(ResultSet row, int firstColumn) throws SQLException {
        return new TreatyStatus.Steps(null, date(row, firstColumn), date(row, firstColumn + 1),
                date(row, firstColumn + 2), null);
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
