package org.tcyledger.projection.chart;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tcyledger.register.TreatyChart;

/**
 * The chart's rows as RFC 4180 CSV: a header line, CRLF line ends, a field quoted when it holds a comma, a quote, a
 * CR or an LF, its quotes doubled. Empty fields are the dates after the chart's date (and the absent instrument).
 */
public final class ChartCsv {

    public static final String MEDIA_TYPE = "text/csv";

    static final List<String> HEADER = List.of("memberId", "name", "councilOfEuropeMember", "signedOn", "depositedOn",
            "instrument", "entryIntoForceOn", "reservations", "declarations", "authorities", "territorialApplication",
            "denouncedOn");

    private ChartCsv() {
    }

    public static String of(TreatyChart.Chart chart) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER.stream());
        for (TreatyChart.Row row : chart.rows()) {
            line(csv, Stream.of(row.memberId(), row.name(), row.councilOfEuropeMember(), row.signedOn(),
                    row.depositedOn(), row.instrument(), row.entryIntoForceOn(), row.reservations(),
                    row.declarations(), row.authorities(), row.territorialApplication(), row.denouncedOn()));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, Stream<?> fields) {
        csv.append(fields.map(ChartCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
