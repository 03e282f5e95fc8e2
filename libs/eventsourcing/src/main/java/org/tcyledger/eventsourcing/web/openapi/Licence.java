package org.tcyledger.eventsourcing.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.tcyledger.contracts.Terms;

/** The terms of the document: the contracts' {@link Terms}, the same as the AsyncAPI documents'. */
class Licence implements OASFilter {

    static final String NAME = Terms.LICENCE_NAME;
    static final String IDENTIFIER = Terms.LICENCE_IDENTIFIER;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() == null) {
            openAPI.getInfo().setLicense(OASFactory.createLicense().name(NAME).identifier(IDENTIFIER));
        }
    }
}
