package org.tcyledger.projection.register;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.register.MemberRegister;

/** The register as observers read it: every member's status under a treaty on a date. */
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OBSERVER, Roles.AUDITOR, Roles.SECRETARIAT})
public class MemberRegisterResource {

    @Inject
    MemberRegister register;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;
    @Inject
    Clock clock;

    /**
     * The register on {@code asOf} (today by default) for one treaty (ETS185 by default), optionally only members of a
     * {@code status} or {@code kind} (STATE, ORGANISATION); paged.
     */
    @Operation(summary = "The members register on a date, per treaty")
    @APIResponse(responseCode = "200", description = "The members register on a date, per treaty", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterEntry.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = ApiExamples.REGISTER)))
    @GET
    @Blocking
    public Uni<RestResponse<List<RegisterEntry>>> register(@QueryParam("asOf") LocalDate asOf, @QueryParam("treaty") Treaty treaty,
                                                      @QueryParam("status") TreatyStatus status, @QueryParam("kind") MemberKind kind,
                                                      @QueryParam("page") @DefaultValue("0") int page,
                                                      @QueryParam("size") @DefaultValue("50") int size,
                                                      @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        LocalDate on = date(asOf);
        Treaty of = treaty(treaty);
        return readYourWrites.after(register.group(), after, () -> {
            return paging.of(register.on(on, of, status).stream()
                    .filter(entry -> kind == null || entry.kind() == kind).toList(), uri);
        });
    }

    @Operation(summary = "One member in the register on a date")
    @APIResponse(responseCode = "200", description = "One member in the register on a date", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterEntry.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.REGISTER_ENTRY)))
    @GET
    @Path("/{id}")
    @Blocking
    public Uni<RegisterEntry> member(@PathParam("id") String id, @QueryParam("asOf") LocalDate asOf,
                                       @QueryParam("treaty") Treaty treaty, @QueryParam("after") String after) {
        return readYourWrites.after(register.group(), after, () -> {
            return register.member(id, date(asOf), treaty(treaty))
                    .orElseThrow(() -> new NotFoundException("No member with id '" + id + "' in the register"));
        });
    }

    private LocalDate date(LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    private static Treaty treaty(Treaty treaty) {
        return treaty == null ? Treaty.ETS185 : treaty;
    }
}
