package org.tcyledger.eventsourcing.checkpoint;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tcyledger.contracts.wire.SourceAudit;
import org.tcyledger.eventsourcing.web.Roles;

/**
 * What an auditor needs from a write service to trust its record without trusting it: the public keys its
 * checkpoints are signed with, and its own verification of its event store. Not in the projection, which has no
 * store of its own ({@code tcy.read-side=true}) and verifies its copy at the same {@code /audit/verify}.
 */
@Path("/")
@UnlessBuildProperty(name = "tcy.read-side", stringValue = "true", enableIfMissing = true)
public class CheckpointResource {

    public static final String JWKS = "application/jwk-set+json";

    @Inject
    CheckpointKey key;
    @Inject
    StoreVerification verification;

    @Operation(summary = "The public keys this service signs checkpoints with (JWKS, Ed25519); anyone may read them")
    @GET
    @Path("checkpoints/keys")
    @PermitAll
    @Produces({JWKS, MediaType.APPLICATION_JSON})
    public Response keys() {
        return Response.ok(key.publicKeys().toJson()).header("Cache-Control", "public, max-age=300").build();
    }

    @Operation(summary = "This service's event store checked against its hash chains, chain heads and signed checkpoints")
    @GET
    @Path("audit/verify")
    @RolesAllowed(Roles.AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    public SourceAudit.Report verify() {
        return verification.verify();
    }
}
