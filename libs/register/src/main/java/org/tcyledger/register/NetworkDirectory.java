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
import java.util.List;

/**
 * The directory of the 24/7 network (Article 35) on a date: per member, the units in force that day. A designated
 * contact point shows its unit's name as the institution and its person's phone and email; a further unit its
 * institution's phone, email and hours, and its named person. Opened personal data reads "[erased]" after erasure,
 * and null where this service cannot open it.
 */
@ApplicationScoped
public class NetworkDirectory {

    public record Unit(String unitId, String institution, String phone, String email, String hours, String person,
                       LocalDate designatedOn) {
    }

    public record Member(String memberId, String name, List<Unit> units) {
    }

    private static final String SQL = "SELECT m.id, m.name, u.unit_id, u.institution, "
            + "CASE WHEN u.designated THEN u.person_phone ELSE u.phone END, "
            + "CASE WHEN u.designated THEN u.person_email ELSE u.email END, "
            + "u.hours, u.person_name, u.designated_on "
            + "FROM register_network_unit u JOIN register_member m ON m.id = u.member_id "
            + "WHERE (u.designated_on IS NULL OR u.designated_on <= ?) AND (u.ended_on IS NULL OR u.ended_on > ?) "
            + "ORDER BY m.name, m.id, u.designated_on NULLS FIRST, u.unit_id";

    @Inject
    AgroalDataSource dataSource;

    public List<Member> on(LocalDate date) {
        List<Member> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setObject(1, java.sql.Date.valueOf(date));
            select.setObject(2, java.sql.Date.valueOf(date));
            try (ResultSet row = select.executeQuery()) {
                List<Unit> units = null;
                String memberId = null;
                while (row.next()) {
                    if (!row.getString(1).equals(memberId)) {
                        memberId = row.getString(1);
                        units = new ArrayList<>();
                        members.add(new Member(memberId, row.getString(2), units));
                    }
                    units.add(new Unit(row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                            row.getString(7), row.getString(8), MemberRegister.date(row, 9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the 24/7 network", e);
        }
        return members.stream().map(member -> new Member(member.memberId(), member.name(), List.copyOf(member.units())))
                .toList();
    }
}
