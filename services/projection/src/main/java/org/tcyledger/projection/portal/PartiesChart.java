package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The number of Parties to a treaty over time, as bars of an SVG drawn by the server (no script), one per year: the
 * count on 31 December, or on the chosen date in its own year. The same numbers go in a table for screen readers.
 */
@TemplateData
public record PartiesChart(List<Year> years, int width, int height, long max) {

    @TemplateData
    public record Year(int year, LocalDate on, long parties, int x, int y, int barWidth, int barHeight) {
        public int labelX() {
            return x + barWidth / 2;
        }

        public int labelY() {
            return y - 4;
        }
    }

    private static final int HEIGHT = 220;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int LEFT = 10;

    /** From the treaty's opening year to the date's; {@code parties} counts the Parties on a day. */
    static PartiesChart of(LocalDate openedOn, LocalDate on, ToLongFunction<LocalDate> parties) {
        List<long[]> counts = new ArrayList<>();
        for (int year = openedOn.getYear(); year <= on.getYear(); year++) {
            LocalDate day = year == on.getYear() ? on : LocalDate.of(year, 12, 31);
            counts.add(new long[] {year, parties.applyAsLong(day)});
        }
        long max = Math.max(1, counts.stream().mapToLong(count -> count[1]).max().orElse(1));
        int plot = HEIGHT - TOP - BOTTOM;
        List<Year> years = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            int year = (int) counts.get(i)[0];
            long count = counts.get(i)[1];
            int barHeight = (int) Math.round((double) plot * count / max);
            years.add(new Year(year, year == on.getYear() ? on : LocalDate.of(year, 12, 31), count,
                    LEFT + i * (BAR + GAP), TOP + plot - barHeight, BAR, barHeight));
        }
        return new PartiesChart(years, LEFT * 2 + counts.size() * (BAR + GAP), HEIGHT, max);
    }

    /** The baseline's height in the drawing. */
    public int baseline() {
        return height - BOTTOM;
    }

    public int yearLabelY() {
        return height - BOTTOM + 14;
    }
}
