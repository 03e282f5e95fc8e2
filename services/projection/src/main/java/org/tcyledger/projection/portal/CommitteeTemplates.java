package org.tcyledger.projection.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.tcyledger.projection.bureau.BureauResource.Bureau;
import org.tcyledger.projection.bureau.BureauResource.Seat;
import org.tcyledger.projection.documents.DocumentResource.Document;

/** The document register's and the committee's bodies' pages (templates/portal/committee/*.html). */
@CheckedTemplate(basePath = "portal/committee")
final class CommitteeTemplates {

    private CommitteeTemplates() {
    }

    static native TemplateInstance documents(Page page, DocumentQuery query, List<String> problems,
                                             List<Document> documents);

    static native TemplateInstance document(Page page, Document document);

    static native TemplateInstance bureau(Page page, String on, List<String> problems, Bureau bureau,
                                          List<Seat> terms);

    static native TemplateInstance workingBodies(Page page, List<CommitteeView.Body> bodies);

    static native TemplateInstance workingBody(Page page, CommitteeView.Body body);
}
