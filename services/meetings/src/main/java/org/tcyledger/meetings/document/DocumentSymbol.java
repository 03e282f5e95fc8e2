package org.tcyledger.meetings.document;

import java.util.regex.Pattern;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.eventsourcing.web.InvalidRequest;

/**
 * A document's symbol as the T-CY writes it (domain.md §2): {@code T-CY(2013)6}, with a language letter or a
 * revision, {@code T-CY(2013)7 E rev}, {@code T-CY(2012)10 REV}. Other bodies' symbols ({@code CM(2021)57}) are
 * registered only as EXTERNAL documents. A malformed symbol is a request's shape: 400.
 */
public final class DocumentSymbol {

    public static final Pattern TCY = Pattern.compile("^T-CY\\((19|20)\\d\\d\\)\\d{1,3}( ?[A-Z])?( (?i:rev)\\d?)?$");
    /** Another body's symbol: letters, digits and the punctuation symbols use; never an id of another aggregate. */
    public static final Pattern EXTERNAL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9()./ -]{0,39}$");

    private DocumentSymbol() {
    }

    /** The symbol as the register keeps it: surrounding spaces aside. */
    public static String normalised(String symbol) {
        return symbol == null ? null : symbol.strip();
    }

    public static boolean isTcy(String symbol) {
        return TCY.matcher(normalised(symbol)).matches();
    }

    /** A T-CY symbol of any kind, or another body's symbol of kind EXTERNAL. */
    public static void check(String symbol, DocumentKind kind) {
        String written = normalised(symbol);
        if (isTcy(written)) {
            return;
        }
        if (kind != DocumentKind.EXTERNAL) {
            throw new InvalidRequest("symbol", "'" + written + "' is not a T-CY symbol (T-CY(2013)6, T-CY(2013)7 E rev); "
                    + "another body's symbol is registered with kind EXTERNAL");
        }
        if (!EXTERNAL.matcher(written).matches() || !containsSeparator(written)) {
            throw new InvalidRequest("symbol", "'" + written + "' is not a document symbol: at most 40 letters, digits "
                    + "and ()./- or spaces, with a number part such as CM(2021)57");
        }
    }

    /** Ids of meetings, notes and bodies have no parenthesis, slash or space: a symbol never takes their stream. */
    private static boolean containsSeparator(String symbol) {
        return symbol.contains("(") || symbol.contains("/") || symbol.contains(" ");
    }
}
