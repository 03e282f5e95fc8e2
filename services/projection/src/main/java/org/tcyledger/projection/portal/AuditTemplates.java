package org.tcyledger.projection.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The auditor's pages (templates/portal/audit/*.html). */
@CheckedTemplate(basePath = "portal/audit")
final class AuditTemplates {

    private AuditTemplates() {
    }

    static native TemplateInstance verify(Page page, boolean allowed, AuditView.Verification result);

    static native TemplateInstance history(Page page, boolean allowed, AuditView.HistoryQuery query,
                                           List<String> problems, AuditView.History history);

    static native TemplateInstance rebuilds(Page page, boolean allowed, String csrf, List<AuditView.Rebuild> rebuilds,
                                            List<String> problems);

    static native TemplateInstance rebuild(Page page, boolean allowed, AuditView.Rebuild rebuild, boolean reloads,
                                           int refreshSeconds);

    static native TemplateInstance parked(Page page, boolean allowed, boolean retries, String csrf,
                                          List<AuditView.Parked> parked, AuditView.Retried retried,
                                          List<String> problems);
}
