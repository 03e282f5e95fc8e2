package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** The meetings page's query as written, with the kinds of meeting (domain.md §2) to choose from. */
@TemplateData
public record MeetingQuery(String kind, String year) {

    static final List<String> KINDS = List.of("PLENARY", "BUREAU", "PROTOCOL_DRAFTING", "WORKING_GROUP",
            "WRITTEN_PROCEDURE");

    public List<String> kinds() {
        return KINDS;
    }
}
