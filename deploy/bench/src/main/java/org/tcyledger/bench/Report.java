package org.tcyledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The product of a run: report.md for people, raw.json for tools and for comparing runs. */
final class Report {

    private record Target(String figure, String target, String measured, boolean met) {
    }

    private final StringBuilder sections = new StringBuilder();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final String title;

    Report(String title) {
        this.title = title;
    }

    void section(String heading, String text) {
        sections.append("\n## ").append(heading).append("\n\n");
        if (!text.isEmpty()) {
            sections.append(text).append("\n\n");
        }
    }

    void table(List<String> header, List<List<String>> rows) {
        sections.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(column -> sections.append("---|"));
        sections.append('\n');
        rows.forEach(row -> sections.append("| ").append(String.join(" | ", row)).append(" |\n"));
        sections.append('\n');
    }

    void target(String figure, String target, String measured, boolean met) {
        targets.add(new Target(figure, target, measured, met));
    }

    void raw(String key, Object value) {
        raw.put(key, value);
    }

    Path write(Path directory) throws IOException {
        StringBuilder markdown = new StringBuilder("# ").append(title).append("\n\n");
        markdown.append("| figure | target | measured | met |\n|---|---|---|---|\n");
        targets.forEach(t -> markdown.append("| ").append(t.figure()).append(" | ").append(t.target()).append(" | ")
                .append(t.measured()).append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n"));
        markdown.append(sections);
        Files.writeString(directory.resolve("report.md"), markdown);
        Files.writeString(directory.resolve("raw.json"), json(raw, "") + "\n");
        return directory.resolve("report.md");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    @SuppressWarnings("unchecked")
    private static String json(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? "null" : value.toString();
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            ((Map<String, Object>) map).forEach((key, field) ->
                    fields.add(indent + "  " + quote(key) + ": " + json(field, indent + "  ")));
            return fields.isEmpty() ? "{}" : "{\n" + String.join(",\n", fields) + "\n" + indent + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(json(item, indent + "  ")));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof RawJson rawJson) {
            return rawJson.json();
        }
        return quote(value.toString());
    }

    /** A JSON document received from a service, kept as it came. */
    record RawJson(String json) {
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
