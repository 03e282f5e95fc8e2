package org.tcyledger.register;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyCalendar;

/**
 * The chart of signatures and ratifications of a treaty on a date, as the Treaty Office publishes it (domain.md §1):
 * one row per State that signed, consented or (ETS185) was invited by that date, Council of Europe members first and
 * then non-members, each in alphabetical order of name. Organisations are not in the Office's chart.
 *
 * <p>A date after the chart's date is null, except a member's entry into force, which is known from its consent
 * and shown once the consent was given, as the register and the Office do. A consent given by a signature without
 * reservation as to ratification has no deposit date and the instrument {@code SIGNATURE_WITHOUT_RESERVATION}. R, D,
 * A and T are the statements in force on the date: a reservation or declaration made with the instrument or notified
 * later and not withdrawn by then, an authority designated, a territorial application.
 */
@ApplicationScoped
public class TreatyChart {

    /** One State's line; the four flags are the Office's R. D. A. T. columns. */
    public record Row(String memberId, String name, boolean councilOfEuropeMember, LocalDate signedOn,
                      LocalDate depositedOn, String instrument, LocalDate entryIntoForceOn, boolean reservations,
                      boolean declarations, boolean authorities, boolean territorialApplication, LocalDate denouncedOn) {
    }

    /**
     * {@code ratificationsOrAccessions}: the consents given by the date, less those whose denunciation took effect by
     * then (the Office no longer counts a State that left).
     */
    public record Totals(long signaturesNotFollowedByRatification, long ratificationsOrAccessions) {
    }

    public record Chart(Treaty treaty, LocalDate asOf, List<Row> rows, Totals totals) {
    }

    private static final String IN_FORCE = "EXISTS (SELECT 1 FROM register_statement s WHERE s.member_id = m.id "
            + "AND s.treaty = d.treaty AND s.kind = '%1$s' AND s.effective_on <= d.on_date AND NOT EXISTS ("
            + "SELECT 1 FROM register_statement w WHERE w.member_id = s.member_id AND w.treaty = s.treaty "
            + "AND w.kind = '%1$s_WITHDRAWN' AND w.article IS NOT DISTINCT FROM s.article "
            + "AND w.effective_on >= s.effective_on AND w.effective_on <= d.on_date))";

    private static final String SQL = "WITH d AS (SELECT CAST(? AS DATE) AS on_date, CAST(? AS VARCHAR) AS treaty) "
            + "SELECT m.id, m.name, m.council_of_europe_member, t.signed_on, t.signed_without_reservation, "
            + "t.signature_entry_into_force_on, t.deposited_on, t.instrument, t.entry_into_force_on, t.denounced_on, "
            + "t.denunciation_effective_on, "
            + IN_FORCE.formatted(TreatyStatements.RESERVATION) + ", "
            + IN_FORCE.formatted(TreatyStatements.DECLARATION) + ", "
            + "EXISTS (SELECT 1 FROM register_statement s WHERE s.member_id = m.id AND s.treaty = d.treaty "
            + "        AND s.kind = 'AUTHORITY_DESIGNATED' AND s.effective_on <= d.on_date), "
            + "EXISTS (SELECT 1 FROM register_statement s WHERE s.member_id = m.id AND s.treaty = d.treaty "
            + "        AND s.kind = 'TERRITORIAL_APPLICATION' AND s.effective_on <= d.on_date) "
            + "FROM register_member m CROSS JOIN d "
            + "LEFT JOIN register_treaty t ON t.member_id = m.id AND t.treaty = d.treaty "
            + "WHERE m.kind = 'STATE' AND (t.signed_on <= d.on_date OR t.deposited_on <= d.on_date "
            + "      OR (d.treaty = 'ETS185' AND m.invited_on <= d.on_date))";

    /** Members of the Council of Europe first, then the others; each in the alphabetical order of their names. */
    private static final Comparator<Row> ORDER;

    static {
        Collator names = Collator.getInstance(Locale.ENGLISH);
        names.setStrength(Collator.SECONDARY);
        ORDER = Comparator.comparing((Row row) -> !row.councilOfEuropeMember())
                .thenComparing(Row::name, names)
                .thenComparing(Row::memberId);
    }

    @Inject
    AgroalDataSource dataSource;

    public Chart on(Treaty treaty, LocalDate date) {
        List<Row> rows = new ArrayList<>();
        long notFollowed = 0;
        long consents = 0;
        try (Connection connection = dataSource.getConnection()) {
            TreatyCalendar calendar = MemberRegister.calendar(connection);
            try (PreparedStatement select = connection.prepareStatement(SQL)) {
                select.setObject(1, java.sql.Date.valueOf(date));
                select.setString(2, treaty.name());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate signedOn = by(date, MemberRegister.date(row, 4));
                        Consent consent = Consent.of(by(date, MemberRegister.date(row, 7)), row.getString(8),
                                MemberRegister.date(row, 9), signedOn, row.getBoolean(5), MemberRegister.date(row, 6));
                        LocalDate denunciationEffective = by(date, MemberRegister.date(row, 11));
                        if (consent == null && signedOn != null) {
                            notFollowed++;
                        }
                        if (consent != null && denunciationEffective == null) {
                            consents++;
                        }
                        rows.add(new Row(row.getString(1), row.getString(2), row.getBoolean(3), signedOn,
                                consent == null || consent.instrument().equals(Consent.SIGNATURE_WITHOUT_RESERVATION)
                                        ? null : consent.on(),
                                consent == null ? null : consent.instrument(),
                                consent == null ? null
                                        : calendar.entryIntoForce(treaty, consent.on(), consent.recordedEntryIntoForce()),
                                row.getBoolean(12), row.getBoolean(13), row.getBoolean(14), row.getBoolean(15),
                                by(date, MemberRegister.date(row, 10))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the register", e);
        }
        rows.sort(ORDER);
        return new Chart(treaty, date, List.copyOf(rows), new Totals(notFollowed, consents));
    }

    /** The date if it came by {@code date}, else null: the chart on a date knows nothing later. */
    private static LocalDate by(LocalDate date, LocalDate step) {
        return step == null || step.isAfter(date) ? null : step;
    }
}
