package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.util.Arrays;
import java.util.List;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;

/**
 * The document register page's query as the visitor wrote it (shown again in the form), with the kinds of document
 * of the contract to choose from.
 *
 * @param symbol text the symbol or the title contains
 * @param meeting the meeting that tabled, adopted or reported the document
 */
@TemplateData
public record DocumentQuery(String symbol, String year, String kind, String meeting) {

    public List<String> kinds() {
        return Arrays.stream(DocumentKind.values()).map(Enum::name).toList();
    }
}
