package org.tcyledger.projection.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.tcyledger.projection.consultations.ConsultationSummaryQueries.Listed;
import org.tcyledger.projection.reports.AssessmentReportResource.Report;

/** The pages of assessment reports and consultation summaries (templates/portal/reports/*.html). */
@CheckedTemplate(basePath = "portal/reports")
final class ReportTemplates {

    private ReportTemplates() {
    }

    static native TemplateInstance reports(Page page, ReportView.Query query, List<String> problems, List<Report> reports);

    static native TemplateInstance report(Page page, String on, List<String> problems, ReportView report);

    static native TemplateInstance consultations(Page page, boolean allowed, List<Listed> consultations);

    static native TemplateInstance consultation(Page page, boolean allowed, ConsultationView consultation);
}
