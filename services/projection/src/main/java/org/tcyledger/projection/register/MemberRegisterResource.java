package org.tcyledger.projection.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.eventsourcing.web.Roles;
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

    @GET
    public List<RegisterEntry> register(@QueryParam("asOf") String asOf, @QueryParam("treaty") String treaty,
                                               @QueryParam("status") String status, @QueryParam("after") String after) {
        readYourWrites.await(register.group(), after);
        return register.on(date(asOf), treaty(treaty), status == null ? null : parse(TreatyStatus.class, "status", status));
    }

    @GET
    @Path("/{id}")
    public RegisterEntry member(@PathParam("id") String id, @QueryParam("asOf") String asOf,
                                       @QueryParam("treaty") String treaty, @QueryParam("after") String after) {
        readYourWrites.await(register.group(), after);
        return register.member(id, date(asOf), treaty(treaty))
                .orElseThrow(() -> new NotFoundException("No member with id '" + id + "' in the register"));
    }

    private LocalDate date(String asOf) {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be a date like 2014-12-02, not '" + asOf + "'");
        }
    }

    private static Treaty treaty(String treaty) {
        return treaty == null ? Treaty.ETS185 : parse(Treaty.class, "treaty", treaty);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
