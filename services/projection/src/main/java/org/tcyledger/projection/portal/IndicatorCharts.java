package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.tcyledger.projection.indicators.IndicatorsResource.YearIndicators;

/**
 * The indicators of GET /indicators as the home page shows them: one small bar chart per indicator, a bar per year,
 * drawn by the server as SVG (no script), and the same numbers in one table for screen readers.
 */
@TemplateData
public record IndicatorCharts(List<YearIndicators> years, List<Chart> charts) {

    /** An indicator's bars; {@code key} names it in the message bundle ({@code indicator_name}). */
    @TemplateData
    public record Chart(String key, int width, int height, int baseline, List<Bar> bars) {
        public int labelY() {
            return height - 4;
        }
    }

    @TemplateData
    public record Bar(int year, long value, int x, int y, int width, int height, boolean labelled) {
        public int labelX() {
            return x + width / 2;
        }
    }

    private static final int HEIGHT = 110;
    private static final int TOP = 16;
    private static final int BOTTOM = 18;
    private static final int BAR = 10;
    private static final int GAP = 3;

    private record Indicator(String key, ToLongFunction<YearIndicators> value) {
    }

    private static final List<Indicator> SHOWN = List.of(
            new Indicator("parties", YearIndicators::parties),
            new Indicator("signatoriesNotParties", YearIndicators::signatoriesNotParties),
            new Indicator("statesInvited", YearIndicators::statesInvited),
            new Indicator("observerOrganisations", YearIndicators::observerOrganisations),
            new Indicator("plenaries", YearIndicators::plenaries),
            new Indicator("otherMeetings", YearIndicators::otherMeetings),
            new Indicator("membersAttendingPlenaries", YearIndicators::membersAttendingPlenaries),
            new Indicator("guidanceNotesAdopted", YearIndicators::guidanceNotesAdopted),
            new Indicator("assessmentReportsAdopted", YearIndicators::assessmentReportsAdopted),
            new Indicator("consultationsHeld", YearIndicators::consultationsHeld));

    static IndicatorCharts of(List<YearIndicators> years) {
        List<Chart> charts = new ArrayList<>();
        for (Indicator indicator : SHOWN) {
            long max = Math.max(1, years.stream().mapToLong(indicator.value()).max().orElse(1));
            int plot = HEIGHT - TOP - BOTTOM;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < years.size(); i++) {
                long value = indicator.value().applyAsLong(years.get(i));
                int height = (int) Math.round((double) plot * value / max);
                // the first year and every fifth are named under their bar, and the last unless a fifth is close
                int year = years.get(i).year();
                bars.add(new Bar(year, value, 4 + i * (BAR + GAP), TOP + plot - height, BAR, height,
                        i == 0 || year % 5 == 0 || i == years.size() - 1 && year % 5 >= 2));
            }
            charts.add(new Chart(indicator.key(), 8 + years.size() * (BAR + GAP), HEIGHT, HEIGHT - BOTTOM, bars));
        }
        return new IndicatorCharts(years, charts);
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }
}
