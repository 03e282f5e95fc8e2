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

    /**
     * A kind too small to show anything of: whichever cells it has would say what its one stakeholder chose, so the
     * summary shows all of its cells (every option, every stance) suppressed, whether it took them or not.
     */
    static boolean hidesWholeKind(boolean chathamHouse, int registeredOfKind) {
        return chathamHouse && registeredOfKind > 0 && registeredOfKind < FEWEST;
    }
}
