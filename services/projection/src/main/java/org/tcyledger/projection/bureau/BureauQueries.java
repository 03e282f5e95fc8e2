package org.tcyledger.projection.bureau;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tcyledger.contracts.meetings.MeetingEvent.BureauPost;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.bureau.BureauResource.Bureau;
import org.tcyledger.projection.bureau.BureauResource.Seat;
import org.tcyledger.register.MemberRegister;

/** The Bureau read model's one query: the seats whose term covers a day, named from the members register. */
@ApplicationScoped
public class BureauQueries {

    /** The Chair first, then the Vice-chair, then the members by name (then id, for members not in the register). */
    private static final Comparator<Seat> ORDER = Comparator.comparing(Seat::post)
            .thenComparing(Seat::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Seat::memberId);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MemberRegister register;

    /** The Bureau on a day: the seats whose term covers it. */
    public Bureau on(LocalDate date) {
        Map<String, String> names = register.on(date, Treaty.ETS185, null).stream()
                .collect(Collectors.toMap(RegisterEntry::id, RegisterEntry::name));
        List<Seat> seats = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT member_id, post, term_from, term_until, "
                     + "meeting_id, decision_id FROM bureau_seat WHERE term_from <= ? AND term_until >= ?")) {
            select.setObject(1, java.sql.Date.valueOf(date));
            select.setObject(2, java.sql.Date.valueOf(date));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String memberId = row.getString(1);
                    seats.add(new Seat(memberId, names.get(memberId), BureauPost.valueOf(row.getString(2)),
                            row.getDate(3).toLocalDate(), row.getDate(4).toLocalDate(), row.getString(5),
                            row.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Bureau", e);
        }
        seats.sort(ORDER);
        return new Bureau(date, seats);
    }

    /**
     * Every seat ever elected, the latest term first (then as a Bureau is ordered): the history of the elections. A
     * member is named as the register named it on the first day of the term.
     */
    public List<Seat> terms() {
        record Row(String memberId, BureauPost post, LocalDate termFrom, LocalDate termUntil, String meetingId,
                   String decisionId) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT member_id, post, term_from, term_until, "
                     + "meeting_id, decision_id FROM bureau_seat");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getString(1), BureauPost.valueOf(row.getString(2)), row.getDate(3).toLocalDate(),
                        row.getDate(4).toLocalDate(), row.getString(5), row.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Bureau's terms", e);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, List<RegisterEntry>> registers = register.onEach(
                rows.stream().map(Row::termFrom).collect(Collectors.toSet()), Treaty.ETS185);
        return rows.stream().map(seat -> new Seat(seat.memberId(), registers.getOrDefault(seat.termFrom(), List.of())
                        .stream().filter(entry -> entry.id().equals(seat.memberId())).map(RegisterEntry::name)
                        .findFirst().orElse(null), seat.post(), seat.termFrom(), seat.termUntil(), seat.meetingId(),
                        seat.decisionId()))
                .sorted(Comparator.comparing(Seat::termFrom).reversed().thenComparing(ORDER)).toList();
    }
}
