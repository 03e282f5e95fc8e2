package org.tcyledger.eventsourcing.web.openapi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;

/**
 * Every operation's id, readable and the same from build to build: the resource and its method, as a client's
 * generated code would name them ({@code MemberResource#sign} is {@code member.sign}). The scanner gives the raw
 * {@code MemberResource_sign} ({@code quarkus.smallrye-openapi.operation-id-strategy=CLASS_METHOD}); an id set by
 * hand with {@code @Operation(operationId = …)} is kept. The id changes only when the method is renamed, which a
 * client notices as it notices a changed path. Two operations of one service with one id leave the document
 * unfinished, since a client could not tell them apart: the build logs why (Quarkus drops a failing filter's
 * exception), and the document's checks (the lint, {@code ServiceDocuments}) refuse it.
 */
class OperationIds implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OperationIds.class);
    private static final Pattern SCANNED = Pattern.compile("([A-Z][A-Za-z0-9]*?)(?:Resource)?_([A-Za-z0-9]+)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, String> taken = new HashMap<>();
        for (ApiDocument.Endpoint endpoint : ApiDocument.endpoints(openAPI)) {
            String where = endpoint.method() + " " + endpoint.path();
            if (endpoint.operation().getOperationId() == null) {
                throw refused(where + " has no operationId: the scanner gives one to every operation with "
                              + "quarkus.smallrye-openapi.operation-id-strategy=CLASS_METHOD");
            }
            String id = readable(endpoint.operation().getOperationId());
            String other = taken.putIfAbsent(id, where);
            if (other != null) {
                throw refused("The operations " + other + " and " + where + " have one id, '" + id
                              + "': rename one of their methods, or give one an @Operation(operationId = …)");
            }
            endpoint.operation().setOperationId(id);
        }
    }

    private static IllegalStateException refused(String why) {
        LOG.error(why);
        return new IllegalStateException(why);
    }

    private static String readable(String scanned) {
        Matcher raw = SCANNED.matcher(scanned);
        if (!raw.matches()) {
            return scanned;
        }
        String resource = raw.group(1);
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1) + "." + raw.group(2);
    }
}
