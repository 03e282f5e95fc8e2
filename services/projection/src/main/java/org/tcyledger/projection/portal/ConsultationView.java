package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.Stance;
import org.tcyledger.contracts.cloudevidence.ConsultationEvent.StakeholderKind;
import org.tcyledger.projection.consultations.ConsultationSummaryResource.Cell;
import org.tcyledger.projection.consultations.ConsultationSummaryResource.Summary;

/**
 * A consultation's summary as its page shows it: per option, a row per stance and a row of all stances; a column
 * per stakeholder kind that took a stance and a column of all kinds. A cell the summary suppressed under the Chatham
 * House rule stays suppressed, and so does every total that would include it: its count is not known here, and a
 * total less the shown cells would give it away.
 */
@TemplateData
public record ConsultationView(Summary summary, List<String> kinds, List<Option> options) {

    /** {@code count} null when {@code suppressed}; {@code kind} null for a total of all kinds. */
    @TemplateData
    public record Count(String kind, Integer count, boolean suppressed) {

        static Count none(String kind) {
            return new Count(kind, 0, false);
        }

        /** The sum of two counts, of this count's kind: suppressed when either is. */
        Count plus(Count other) {
            return suppressed || other.suppressed ? new Count(kind, null, true) : new Count(kind, count + other.count, false);
        }
    }

    /** {@code stance} null for the row of all stances. */
    @TemplateData
    public record Line(String stance, List<Count> byKind, Count total) {
    }

    @TemplateData
    public record Option(String id, String text, List<Line> lines) {
    }

    static ConsultationView of(Summary summary) {
        List<String> kinds = Arrays.stream(StakeholderKind.values()).map(Enum::name)
                .filter(kind -> summary.tally().stream().anyMatch(cell -> cell.kind().equals(kind))).toList();
        Map<String, String> texts = new LinkedHashMap<>();
        JsonNode options = summary.options();
        if (options != null) {
            options.forEach(option -> texts.put(option.path("id").asText(), option.path("text").asText()));
        }
        summary.tally().forEach(cell -> texts.putIfAbsent(cell.optionId(), null));
        List<Option> rows = new ArrayList<>();
        texts.forEach((id, text) -> {
            List<Line> lines = new ArrayList<>();
            List<Count> all = kinds.stream().map(Count::none).toList();
            for (Stance stance : Stance.values()) {
                List<Count> byKind = kinds.stream().map(kind -> count(summary, id, kind, stance.name())).toList();
                lines.add(new Line(stance.name(), byKind, byKind.stream().reduce(Count.none(null), Count::plus)));
                List<Count> before = all;
                all = new ArrayList<>();
                for (int i = 0; i < kinds.size(); i++) {
                    all.add(before.get(i).plus(byKind.get(i)));
                }
            }
            lines.add(new Line(null, all, all.stream().reduce(Count.none(null), Count::plus)));
            rows.add(new Option(id, text, lines));
        });
        return new ConsultationView(summary, kinds, rows);
    }

    /** A cell of the summary; none is a count of nought (no submission of that kind took that stance). */
    private static Count count(Summary summary, String option, String kind, String stance) {
        Optional<Cell> cell = summary.tally().stream().filter(c -> c.optionId().equals(option)
                && c.kind().equals(kind) && c.stance().equals(stance)).findFirst();
        return cell.map(c -> new Count(kind, c.count(), c.suppressed())).orElse(Count.none(kind));
    }
}
