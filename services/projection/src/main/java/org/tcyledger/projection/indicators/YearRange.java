package org.tcyledger.projection.indicators;

import java.util.OptionalInt;
import java.util.function.Supplier;
import org.tcyledger.eventsourcing.web.InvalidRequest;

/**
 * The years the indicators are asked for, {@code from} to {@code to} inclusive: each a year from 1990 (before the
 * Convention was drafted) to 2100, {@code from} not after {@code to}, at most a century at once.
 */
public record YearRange(int from, int to) {

    public static final int EARLIEST = 1990;
    public static final int LATEST = 2100;
    public static final int MOST_YEARS = 100;

    public YearRange {
        if (from > to) {
            throw new InvalidRequest("from", "is after to (" + from + " > " + to + ")");
        }
        if (to - from + 1 > MOST_YEARS) {
            throw new InvalidRequest("to", "is at most " + (MOST_YEARS - 1) + " years after from: at most "
                                           + MOST_YEARS + " years at once");
        }
    }

    /**
     * The range a request names; {@code to} left out is this year (or {@code from}, when later; within a century of
     * it), {@code from} left out the first year of the record (or {@code to}, when earlier; within a century of it),
     * read only then.
     */
    public static YearRange of(String from, String to, int thisYear, Supplier<OptionalInt> firstYearOfRecord) {
        Integer first = year("from", from);
        Integer last = year("to", to);
        int end = last != null ? last : first == null ? Math.min(thisYear, LATEST)
                : Math.min(Math.max(first, Math.min(thisYear, LATEST)), first + MOST_YEARS - 1);
        int start = first != null ? first
                : Math.max(Math.max(EARLIEST, end - MOST_YEARS + 1), Math.min(end, firstYearOfRecord.get().orElse(end)));
        return new YearRange(start, end);
    }

    private static Integer year(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            throw new InvalidRequest(parameter, "is a year of four digits, " + EARLIEST + " to " + LATEST);
        }
        int year = Integer.parseInt(value);
        if (year < EARLIEST || year > LATEST) {
            throw new InvalidRequest(parameter, "is a year from " + EARLIEST + " to " + LATEST);
        }
        return year;
    }
}
