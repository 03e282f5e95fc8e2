package org.tcyledger.eventsourcing.web.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Says of an operation that anyone may call it, with or without a token ({@code security: [{}, {bearer: []}]}): the
 * scanner writes a requirement for a {@code @RolesAllowed} method and nothing for a {@code @PermitAll} one, which a
 * reader cannot tell from a forgotten one. A client that sends its token everywhere is answered the same, so the
 * token is one of the two alternatives. A public read that shows more to a bearer of a token names both itself, on
 * its resource ({@code @SecurityRequirementsSet}), and is left as it is.
 */
class AnonymousAccess implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (ApiDocument.Endpoint endpoint : ApiDocument.endpoints(openAPI)) {
            if (endpoint.operation().getSecurity() == null) {
                endpoint.operation().setSecurity(List.of(OASFactory.createSecurityRequirement(),
                        OASFactory.createSecurityRequirement().addScheme(ApiDocument.BEARER)));
            }
        }
    }
}
