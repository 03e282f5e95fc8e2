package org.tcyledger.contracts.membership;

public enum RepresentativeRole { HEAD_OF_DELEGATION, DELEGATE, EXPERT }
