package org.tcyledger.contracts.membership;

public enum MemberKind { STATE, ORGANISATION }
