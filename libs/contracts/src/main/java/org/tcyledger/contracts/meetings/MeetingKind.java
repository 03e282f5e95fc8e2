package org.tcyledger.contracts.meetings;

/** PROTOCOL_DRAFTING and WORKING_GROUP meetings may belong to a working body, within its mandate. */
public enum MeetingKind {
    PLENARY, BUREAU, PROTOCOL_DRAFTING, WORKING_GROUP, WRITTEN_PROCEDURE;

    public boolean mayBelongToAWorkingBody() {
        return this == PROTOCOL_DRAFTING || this == WORKING_GROUP;
    }
}
