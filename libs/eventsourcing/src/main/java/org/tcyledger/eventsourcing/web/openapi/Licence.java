package org.tcyledger.eventsourcing.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The terms of the documents: the project is not licensed publicly yet, so its record says so in SPDX's words for a
 * licence of one's own ({@code LicenseRef-}). Replace it here, once, when the project chooses a licence.
 */
class Licence implements OASFilter {

    static final String NAME = "All rights reserved (not yet licensed publicly)";
    static final String IDENTIFIER = "LicenseRef-TCY-Ledger-All-Rights-Reserved";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() == null) {
            openAPI.getInfo().setLicense(OASFactory.createLicense().name(NAME).identifier(IDENTIFIER));
        }
    }
}
