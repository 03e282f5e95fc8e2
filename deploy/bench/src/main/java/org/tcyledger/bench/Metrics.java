package org.tcyledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A service's {@code /q/metrics} (Prometheus text) at one moment: every series with its labels and value. */
record Metrics(List<Series> series) {

    record Series(String name, String labels, double value) {
    }

    static Metrics read(Rest rest, String serviceUrl) {
        List<Series> series = new ArrayList<>();
        for (String line : rest.get(serviceUrl + "/q/metrics").body().lines().toList()) {
            int space = line.lastIndexOf(' ');
            if (line.isBlank() || line.startsWith("#") || space < 0) {
                continue;
            }
            String key = line.substring(0, space).trim();
            int brace = key.indexOf('{');
            series.add(new Series(brace < 0 ? key : key.substring(0, brace), brace < 0 ? "" : key.substring(brace),
                    Double.parseDouble(line.substring(space + 1))));
        }
        return new Metrics(series);
    }

    /** The sum of a metric over its series that carry {@code label} ({@code stage="transaction"}; "" for all). */
    double value(String name, String label) {
        return series.stream().filter(s -> s.name().equals(name) && s.labels().contains(label))
                .mapToDouble(Series::value).sum();
    }

    /** The names of the metrics that start with {@code prefix}, in the order served. */
    Set<String> names(String prefix) {
        Set<String> names = new LinkedHashSet<>();
        series.stream().map(Series::name).filter(name -> name.startsWith(prefix)).forEach(names::add);
        return names;
    }
}
