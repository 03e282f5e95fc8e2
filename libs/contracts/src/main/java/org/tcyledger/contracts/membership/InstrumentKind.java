package org.tcyledger.contracts.membership;

public enum InstrumentKind {
    RATIFICATION, ACCESSION, ACCEPTANCE, APPROVAL;

    /** Ratification, acceptance and approval confirm a signature; accession replaces it. */
    public boolean confirmsSignature() {
        return this != ACCESSION;
    }
}
