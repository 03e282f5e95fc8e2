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
}
