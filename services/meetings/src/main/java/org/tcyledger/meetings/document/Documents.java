package org.tcyledger.meetings.document;

/**
 * Whether a symbol is in the document register: what agenda items, decisions, guidance notes, meeting reports and a
 * revision's {@code supersedes} may name. Handlers receive it from Axon ({@code infra/StoredDocuments}).
 */
@FunctionalInterface
public interface Documents {

    /** {@code symbol} as written, surrounding spaces aside. */
    boolean registered(String symbol);
}
