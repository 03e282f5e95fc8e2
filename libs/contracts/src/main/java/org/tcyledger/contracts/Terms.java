package org.tcyledger.contracts;

/**
 * The terms every contract document (OpenAPI, AsyncAPI) is published under. The project is not licensed publicly
 * yet, so its documents say so in SPDX's words for a licence of one's own ({@code LicenseRef-}). Replace it here,
 * once, when the project chooses a licence.
 */
public final class Terms {

    public static final String LICENCE_NAME = "All rights reserved (not yet licensed publicly)";
    public static final String LICENCE_IDENTIFIER = "LicenseRef-TCY-Ledger-All-Rights-Reserved";

    private Terms() {
    }
}
