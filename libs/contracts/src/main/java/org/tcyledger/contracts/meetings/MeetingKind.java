package org.tcyledger.contracts.meetings;

public enum MeetingKind { PLENARY, BUREAU, PROTOCOL_DRAFTING, WRITTEN_PROCEDURE }
