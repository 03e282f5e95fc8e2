package org.tcyledger.projection.consultations;

/**
 * The Chatham House rule in a consultation's public summary (domain.md §4): observers read how stakeholders of each
 * kind stood on each option, never who. Under the rule a cell that could single out one stakeholder is suppressed:
 * a count of one, or a kind with fewer than two registered stakeholders (whoever of that kind stood, it was them).
 */
final class ChathamHouse {

    /** The fewest stakeholders a cell, and its kind, must count for the cell to be shown under the rule. */
    static final int FEWEST = 2;

    private ChathamHouse() {
    }

    static boolean suppresses(boolean chathamHouse, int count, int registeredOfKind) {
        return chathamHouse && (count < FEWEST || registeredOfKind < FEWEST);
    }
}
