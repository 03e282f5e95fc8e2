package org.tcyledger.meetings.document;

import java.time.LocalDate;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * When a document becomes PUBLIC (domain.md §2): a RESTRICTED document is published once, never before the date it
 * bears; a correction of that date keeps it so.
 */
public final class DocumentPublication {

    public static final String ALREADY_PUBLIC = "already-public";
    public static final String PUBLISHED_BEFORE_DATED = "published-before-dated";

    private DocumentPublication() {
    }

    public static void check(DocumentState document, LocalDate publishedOn) {
        if (document.access() == DocumentAccess.PUBLIC) {
            throw new RuleViolation(ALREADY_PUBLIC, document.symbol() + " is already public"
                    + (document.publishedOn() == null ? " (registered so)" : " since " + document.publishedOn()));
        }
        notBeforeDated(document.symbol(), document.datedOn(), publishedOn);
    }

    /** A document is not published before the day it is dated; on that day it may be. */
    public static void notBeforeDated(String symbol, LocalDate datedOn, LocalDate publishedOn) {
        if (publishedOn != null && publishedOn.isBefore(datedOn)) {
            throw new RuleViolation(PUBLISHED_BEFORE_DATED, symbol + " is dated " + datedOn
                    + "; it cannot be public from " + publishedOn);
        }
    }
}
