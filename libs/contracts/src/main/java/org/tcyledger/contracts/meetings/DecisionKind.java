package org.tcyledger.contracts.meetings;

public enum DecisionKind {
    GENERAL, ADOPT_GUIDANCE_NOTE, ADOPT_ASSESSMENT_REPORT, ENDORSE_CEG_RECOMMENDATIONS, ELECT_BUREAU, WELCOME_NEW_PARTY;

    /** Every kind but GENERAL and ELECT_BUREAU decides on something named by its subject. */
    public boolean needsSubject() {
        return this != GENERAL && this != ELECT_BUREAU;
    }

    /** The two ADOPT kinds adopt one version of a text. */
    public boolean needsVersion() {
        return this == ADOPT_GUIDANCE_NOTE || this == ADOPT_ASSESSMENT_REPORT;
    }
}
