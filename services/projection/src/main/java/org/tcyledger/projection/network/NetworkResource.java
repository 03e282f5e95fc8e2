package org.tcyledger.projection.network;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.ReadYourWrites;
import org.tcyledger.register.MemberRegister;
import org.tcyledger.register.NetworkDirectory;

/**
 * The directory of the 24/7 network (Article 35) on a date, for the network's own members and the secretariat; not
 * for observers in general (domain.md §1).
 */
@Path("/network")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECRETARIAT, Roles.NETWORK})
public class NetworkResource {

    @Inject
    NetworkDirectory directory;
    @Inject
    MemberRegister register;
    @Inject
    ReadYourWrites readYourWrites;
    @Inject
    Clock clock;

    @Operation(summary = "The 24/7 network on a date: per member, its units in force")
    @APIResponse(responseCode = "200", description = "The 24/7 network on asOf (today by default)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NetworkDirectory.Member.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "example", value = ApiExamples.NETWORK)))
    @GET
    @Blocking
    public Uni<List<NetworkDirectory.Member>> network(@QueryParam("asOf") LocalDate asOf,
                                                      @QueryParam("after") String after) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        return readYourWrites.after(register.group(), after, () -> directory.on(on));
    }
}
