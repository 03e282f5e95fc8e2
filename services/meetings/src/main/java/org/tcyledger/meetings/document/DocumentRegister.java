package org.tcyledger.meetings.document;

import java.util.Collection;
import java.util.List;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * What names a document names a registered one (domain.md §2): a symbol that is not in the register is refused, so
 * that the record never points at a document nobody can find.
 */
public final class DocumentRegister {

    public static final String UNKNOWN_DOCUMENT = "unknown-document";

    private DocumentRegister() {
    }

    /** Every symbol given (null or none: nothing to check) is registered. */
    public static void named(Documents documents, Collection<String> symbols) {
        if (symbols == null) {
            return;
        }
        List<String> unknown = symbols.stream().filter(symbol -> !documents.registered(symbol)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolation(UNKNOWN_DOCUMENT, (unknown.size() == 1 ? "No document " : "No documents ")
                    + String.join(", ", unknown) + " in the register: register " + (unknown.size() == 1 ? "it" : "them")
                    + " first (POST /documents)");
        }
    }

    /** The symbol, when one is given, is registered. */
    public static void named(Documents documents, String symbol) {
        if (symbol != null) {
            named(documents, List.of(symbol));
        }
    }
}
