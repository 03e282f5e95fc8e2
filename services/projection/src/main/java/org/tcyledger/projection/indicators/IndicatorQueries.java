package org.tcyledger.projection.indicators;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.tcyledger.contracts.membership.Capacity;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.projection.indicators.IndicatorsResource.YearIndicators;
import org.tcyledger.register.MemberRegister;

/**
 * The indicators of a range of years in the same few queries whatever the range: the register read once for every
 * 31 December (libs/register's rules for a member's status on a date), and one query grouped by year over the
 * meetings, notes, reports and consultations read models.
 *
 * <p>A meeting is held in the year of its first day when that day has come ({@code today}) and the secretariat opened
 * or closed it: the record has no cancellation, and a meeting only scheduled says nothing of its taking place. A
 * written procedure is no meeting. A consultation is held in the year it opened, once that day has come. For the public
 * record, a meeting and its attendance count once its report is published, a note or report adopted once its document
 * is PUBLIC in the document register (domain.md §5, {@code infra/PublicRecord}).
 */
@ApplicationScoped
public class IndicatorQueries {

    /** The one-row relation of the parameters, each bound once. */
    private static final String PARAMETERS = "f(first_year, last_year, today, only_public) AS "
            + "(SELECT ?::int, ?::int, ?::date, ?::boolean)";
    private static final String IN_RANGE = " BETWEEN make_date(f.first_year, 1, 1) AND make_date(f.last_year, 12, 31)";
    private static final String HELD_MEETING = "(m.opened OR m.closed) AND m.starts_on <= f.today "
            + "AND m.kind <> 'WRITTEN_PROCEDURE' AND (NOT f.only_public OR m.report_published IS NOT NULL)";
    private static final String READABLE_NOTE = "(NOT f.only_public OR EXISTS (SELECT 1 FROM document d "
            + "WHERE d.symbol = v.symbol AND d.access = 'PUBLIC'))";
    private static final String READABLE_REPORT = "(NOT f.only_public OR EXISTS (SELECT 1 FROM document d "
            + "WHERE d.symbol = r.document_symbol AND d.access = 'PUBLIC'))";
    private static final String ADOPTED_REPORTS = "(SELECT adopted_on, document_symbol FROM report_adoption "
            + "UNION ALL SELECT adopted_on, document_symbol FROM report_supplement_adoption) r";

    private static final String PER_YEAR = "WITH " + PARAMETERS + ", "
            + "years AS (SELECT generate_series(f.first_year, f.last_year) AS year FROM f), "
            + "held AS (SELECT m.id, m.kind, CAST(EXTRACT(YEAR FROM m.starts_on) AS INTEGER) AS year "
            + "  FROM outcome_meeting m CROSS JOIN f WHERE m.starts_on" + IN_RANGE + " AND " + HELD_MEETING + "), "
            + "meetings AS (SELECT year, count(*) FILTER (WHERE kind = 'PLENARY') AS plenaries, "
            + "  count(*) FILTER (WHERE kind <> 'PLENARY') AS others FROM held GROUP BY year), "
            + "attendance AS (SELECT h.year, count(DISTINCT a.member_id) AS members, count(*) AS attendances, "
            + "  count(DISTINCT a.meeting_id) AS plenaries FROM held h JOIN outcome_attendance a ON a.meeting_id = h.id "
            + "  WHERE h.kind = 'PLENARY' GROUP BY h.year), "
            + "notes AS (SELECT CAST(EXTRACT(YEAR FROM a.adopted_on) AS INTEGER) AS year, "
            + "  count(DISTINCT a.note_id) AS adopted FROM note_adoption a "
            + "  JOIN note_version v ON v.note_id = a.note_id AND v.version = a.version CROSS JOIN f "
            + "  WHERE a.adopted_on" + IN_RANGE + " AND " + READABLE_NOTE + " GROUP BY 1), "
            + "reports AS (SELECT CAST(EXTRACT(YEAR FROM r.adopted_on) AS INTEGER) AS year, count(*) AS adopted "
            + "  FROM " + ADOPTED_REPORTS + " CROSS JOIN f WHERE r.adopted_on" + IN_RANGE + " AND " + READABLE_REPORT
            + "  GROUP BY 1), "
            + "consultations AS (SELECT CAST(EXTRACT(YEAR FROM c.opens_on) AS INTEGER) AS year, count(*) AS held "
            + "  FROM indicator_consultation c CROSS JOIN f WHERE c.opens_on" + IN_RANGE + " AND c.opens_on <= f.today "
            + "  GROUP BY 1) "
            + "SELECT y.year, COALESCE(m.plenaries, 0), COALESCE(m.others, 0), COALESCE(a.members, 0), "
            + "COALESCE(a.attendances, 0), COALESCE(a.plenaries, 0), COALESCE(n.adopted, 0), COALESCE(r.adopted, 0), "
            + "COALESCE(c.held, 0) FROM years y LEFT JOIN meetings m ON m.year = y.year "
            + "LEFT JOIN attendance a ON a.year = y.year LEFT JOIN notes n ON n.year = y.year "
            + "LEFT JOIN reports r ON r.year = y.year LEFT JOIN consultations c ON c.year = y.year ORDER BY y.year";

    /** The first day anything the indicators count happened, of what the caller may read. */
    private static final String FIRST_DAY = "WITH " + PARAMETERS + " SELECT min(first_day) FROM ("
            + "SELECT min(m.starts_on) FROM outcome_meeting m CROSS JOIN f WHERE " + HELD_MEETING
            + " UNION ALL SELECT min(a.adopted_on) FROM note_adoption a "
            + "  JOIN note_version v ON v.note_id = a.note_id AND v.version = a.version CROSS JOIN f WHERE " + READABLE_NOTE
            + " UNION ALL SELECT min(r.adopted_on) FROM " + ADOPTED_REPORTS + " CROSS JOIN f WHERE " + READABLE_REPORT
            + " UNION ALL SELECT min(c.opens_on) FROM indicator_consultation c CROSS JOIN f WHERE c.opens_on <= f.today"
            + " UNION ALL SELECT min(invited_on) FROM register_member"
            + " UNION ALL SELECT min(LEAST(signed_on, deposited_on)) FROM register_treaty WHERE treaty = 'ETS185'"
            + " UNION ALL SELECT min(granted_on) FROM register_observer_period) firsts(first_day)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MemberRegister register;

    /** The year of the first fact the indicators count that the caller may read; empty for an empty record. */
    public OptionalInt firstYear(LocalDate today, boolean onlyPublic) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(FIRST_DAY)) {
            bind(select, 0, 0, today, onlyPublic);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                java.sql.Date first = row.getDate(1);
                return first == null ? OptionalInt.empty() : OptionalInt.of(first.toLocalDate().getYear());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the first year of the record", e);
        }
    }

    /** The indicators of every year from {@code range.from()} to {@code range.to()}, in order. */
    public List<YearIndicators> of(YearRange range, LocalDate today, boolean onlyPublic) {
        List<LocalDate> lastDays = IntStream.rangeClosed(range.from(), range.to())
                .mapToObj(year -> LocalDate.of(year, 12, 31)).toList();
        Map<LocalDate, List<RegisterEntry>> registers = register.onEach(lastDays, Treaty.ETS185);
        List<YearIndicators> years = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(PER_YEAR)) {
            bind(select, range.from(), range.to(), today, onlyPublic);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int year = row.getInt(1);
                    List<RegisterEntry> onLastDay = registers.get(LocalDate.of(year, 12, 31));
                    long attendances = row.getLong(5);
                    long plenariesWithAttendance = row.getLong(6);
                    years.add(new YearIndicators(year,
                            count(onLastDay, state(TreatyStatus.PARTY)),
                            count(onLastDay, state(TreatyStatus.SIGNATORY)),
                            count(onLastDay, state(TreatyStatus.RATIFIED)),
                            count(onLastDay, state(TreatyStatus.INVITED)),
                            count(onLastDay, entry -> entry.kind() == MemberKind.ORGANISATION
                                                      && entry.capacity() == Capacity.OBSERVER),
                            row.getLong(2), row.getLong(3), row.getLong(4),
                            plenariesWithAttendance == 0 ? null : BigDecimal.valueOf(attendances)
                                    .divide(BigDecimal.valueOf(plenariesWithAttendance), 1, RoundingMode.HALF_UP),
                            row.getLong(7), row.getLong(8), row.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the indicators", e);
        }
        return years;
    }

    private static Predicate<RegisterEntry> state(TreatyStatus status) {
        return entry -> entry.kind() == MemberKind.STATE && entry.status() == status;
    }

    private static long count(List<RegisterEntry> register, Predicate<RegisterEntry> counted) {
        return register.stream().filter(counted).count();
    }

    private static void bind(PreparedStatement select, int firstYear, int lastYear, LocalDate today,
                             boolean onlyPublic) throws SQLException {
        select.setInt(1, firstYear);
        select.setInt(2, lastYear);
        select.setObject(3, java.sql.Date.valueOf(today), java.sql.Types.DATE);
        select.setBoolean(4, onlyPublic);
    }
}
