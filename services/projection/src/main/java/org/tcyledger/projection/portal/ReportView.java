package org.tcyledger.projection.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tcyledger.projection.reports.AssessmentReportResource.FollowUp;
import org.tcyledger.projection.reports.AssessmentReportResource.Report;
import org.tcyledger.projection.reports.AssessmentReportResource.SupplementaryReport;

/**
 * An adopted assessment report as its page shows it: findings and recommendations grouped by Party (a
 * recommendation by its addressee, which may be "Parties" as a whole), the follow-up matrix (recommendation × Party)
 * and the adopted supplementary reports.
 *
 * <p>The read model keeps, per recommendation and Party, only the latest follow-up assessment (a later one replaces
 * it). The matrix on a date therefore shows a cell's status when its latest assessment is on or before that date,
 * and otherwise says that it was assessed later and that the earlier status is not held: it never guesses one.
 */
@TemplateData
public record ReportView(Report report, List<Group> groups, Matrix matrix, List<Supplement> supplements,
                         java.util.Map<String, String> names) {

    /** A Party by its name in the register; its id when the register does not know it ("Parties" stays as it is). */
    public String name(String partyId) {
        return names.getOrDefault(partyId, partyId);
    }

    /** The report's articles, as a list in a sentence. */
    public String articles() {
        return String.join(", ", report.articles());
    }

    @TemplateData
    public record Finding(String partyId, String article, String text) {
    }

    @TemplateData
    public record Recommendation(String id, String addressee, String text, String priority) {
    }

    /** The findings on a Party and the recommendations addressed to it; {@code assessed}: a Party the report assessed. */
    @TemplateData
    public record Group(String party, boolean assessed, List<Finding> findings, List<Recommendation> recommendations) {
    }

    /** {@code on}: the date the matrix stands on, null for the latest. */
    @TemplateData
    public record Matrix(LocalDate on, List<String> parties, List<Row> rows) {
    }

    @TemplateData
    public record Row(Recommendation recommendation, List<Cell> cells) {
    }

    /**
     * One recommendation's follow-up by one Party: {@code status} null when none is recorded (or none known on the
     * date); {@code later} when the only assessment held is after the matrix's date ({@code assessedOn} says when).
     */
    @TemplateData
    public record Cell(String party, String status, LocalDate assessedOn, String note, boolean later,
                       List<FollowUp> history) {
    }

    @TemplateData
    public record Supplement(SupplementaryReport report, List<Finding> findings, List<Recommendation> recommendations) {

        /** The Parties it is on, by their names where {@code names} has them. */
        public String parties(java.util.Map<String, String> names) {
            return String.join(", ", report.partyIds().stream().map(id -> names.getOrDefault(id, id)).toList());
        }
    }

    /** Queries of the list of reports, as written (to show them back in the form). */
    @TemplateData
    public record Query(String article, String party, String from, String to) {
    }

    static ReportView of(Report report, List<FollowUp> history, LocalDate on,
                         java.util.function.Function<Set<String>, java.util.Map<String, String>> namesOf) {
        List<Finding> findings = findings(report.findings());
        List<Recommendation> recommendations = recommendations(report.recommendations());
        Set<String> keys = new LinkedHashSet<>(report.assessedParties());
        findings.forEach(finding -> keys.add(finding.partyId()));
        recommendations.forEach(recommendation -> keys.add(recommendation.addressee()));
        List<Group> groups = keys.stream().map(key -> new Group(key, report.assessedParties().contains(key),
                        findings.stream().filter(finding -> key.equals(finding.partyId())).toList(),
                        recommendations.stream().filter(r -> key.equals(r.addressee())).toList()))
                .filter(group -> group.assessed() || !group.findings().isEmpty() || !group.recommendations().isEmpty())
                .toList();
        List<Supplement> supplements = report.supplements().stream().map(supplement -> new Supplement(supplement,
                findings(supplement.findings()), recommendations(supplement.recommendations()))).toList();
        Set<String> parties = new LinkedHashSet<>(keys);
        report.followUps().forEach(followUp -> parties.add(followUp.partyId()));
        report.supplements().forEach(supplement -> parties.addAll(supplement.partyIds()));
        return new ReportView(report, groups, matrix(report, history, recommendations, on), supplements,
                namesOf.apply(parties));
    }

    private static Matrix matrix(Report report, List<FollowUp> history, List<Recommendation> recommendations,
                                 LocalDate on) {
        Set<String> parties = new LinkedHashSet<>(report.assessedParties());
        report.supplements().forEach(supplement -> parties.addAll(supplement.partyIds()));
        report.followUps().forEach(followUp -> parties.add(followUp.partyId()));
        Map<String, Recommendation> rows = new LinkedHashMap<>();
        recommendations.forEach(recommendation -> rows.putIfAbsent(recommendation.id(), recommendation));
        // a follow-up of a recommendation the report does not list (one of a supplement): its id alone
        report.followUps().forEach(followUp -> rows.putIfAbsent(followUp.recommendationId(),
                new Recommendation(followUp.recommendationId(), null, null, null)));
        List<Row> matrix = new ArrayList<>();
        for (Recommendation recommendation : rows.values()) {
            List<Cell> cells = new ArrayList<>();
            for (String party : parties) {
                List<FollowUp> steps = history.stream()
                        .filter(followUp -> followUp.recommendationId().equals(recommendation.id())
                                            && followUp.partyId().equals(party)).toList();
                if (!steps.isEmpty()) {
                    cells.add(cell(party, steps, on));
                    continue;
                }
                // consumed before the read model kept every assessment: the latest alone
                Optional<FollowUp> found = report.followUps().stream()
                        .filter(followUp -> followUp.recommendationId().equals(recommendation.id())
                                            && followUp.partyId().equals(party)).findFirst();
                cells.add(found.map(followUp -> on != null && followUp.assessedOn().isAfter(on)
                                ? new Cell(party, null, followUp.assessedOn(), null, true, null)
                                : new Cell(party, followUp.status(), followUp.assessedOn(), followUp.note(), false, null))
                        .orElse(new Cell(party, null, null, null, false, List.of())));
            }
            matrix.add(new Row(recommendation, cells));
        }
        return new Matrix(on, List.copyOf(parties), matrix);
    }

    /**
     * A cell from every assessment of it (oldest first): its status as last assessed on {@code on} (or ever), with
     * the assessments up to then; before its first assessment, "not yet assessed" and when it first was.
     */
    private static Cell cell(String party, List<FollowUp> steps, LocalDate on) {
        List<FollowUp> known = steps.stream().filter(step -> on == null || !step.assessedOn().isAfter(on)).toList();
        if (known.isEmpty()) {
            return new Cell(party, null, steps.get(0).assessedOn(), null, true, List.of());
        }
        FollowUp last = known.get(known.size() - 1);
        return new Cell(party, last.status(), last.assessedOn(), last.note(), false, known);
    }

    private static List<Finding> findings(JsonNode findings) {
        List<Finding> list = new ArrayList<>();
        if (findings != null) {
            findings.forEach(finding -> list.add(new Finding(finding.path("partyId").asText(),
                    finding.path("article").asText(null), finding.path("text").asText())));
        }
        return list;
    }

    private static List<Recommendation> recommendations(JsonNode recommendations) {
        List<Recommendation> list = new ArrayList<>();
        if (recommendations != null) {
            recommendations.forEach(recommendation -> list.add(new Recommendation(recommendation.path("id").asText(),
                    recommendation.path("addressee").asText(), recommendation.path("text").asText(),
                    recommendation.path("priority").asText(null))));
        }
        return list;
    }
}
