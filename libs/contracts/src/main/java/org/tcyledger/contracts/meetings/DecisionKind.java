package org.tcyledger.contracts.meetings;

/**
 * What a decision does (domain.md §2). The kinds that act on something name it by their subject: a note, a cycle,
 * a consultation, a member or a working body. The kinds that adopt a document may name it by its symbol.
 */
public enum DecisionKind {
    GENERAL, ADOPT_GUIDANCE_NOTE, ADOPT_ASSESSMENT_REPORT, ENDORSE_CEG_RECOMMENDATIONS, ELECT_BUREAU, WELCOME_NEW_PARTY,
    ADOPT_QUESTIONNAIRE, ADOPT_WORK_PLAN, ADOPT_TERMS_OF_REFERENCE, APPROVE_DRAFT_PROTOCOL, ADOPT_OPINION,
    ADOPT_FOLLOW_UP, ESTABLISH_WORKING_BODY, EXTEND_MANDATE;

    /** The kinds that act on something named by their subject. */
    public boolean needsSubject() {
        return switch (this) {
            case ADOPT_GUIDANCE_NOTE, ADOPT_ASSESSMENT_REPORT, ENDORSE_CEG_RECOMMENDATIONS, WELCOME_NEW_PARTY,
                 EXTEND_MANDATE -> true;
            default -> false;
        };
    }

    /** The two ADOPT kinds adopt one version of a text. */
    public boolean needsVersion() {
        return this == ADOPT_GUIDANCE_NOTE || this == ADOPT_ASSESSMENT_REPORT;
    }
}
