package org.tcyledger.membership.treaty.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.membership.treaty.TreatyInForce;

@Path("/treaties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TreatyResource {

    /** The body of {@code POST /treaties/{id}/entry-into-force}. */
    public record RecordTreatyEntryIntoForce(@NotNull LocalDate inForceOn) {
    }

    @Inject
    Commands commands;
    @Inject
    TreatyReads reads;

    /**
     * The treaty's entry into force as recorded and as derived from the consents the register holds, with those
     * consents: an auditor sees at once whether the record and the register agree ({@code consistent}).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.AUDITOR})
    public TreatyView read(@PathParam("id") String id) {
        return reads.treaty(treaty(id));
    }

    private static Treaty treaty(String id) {
        try {
            return Treaty.valueOf(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No treaty '" + id + "': ETS185, ETS189 or CETS224");
        }
    }

    @POST
    @Path("/{id}/entry-into-force")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response record(@PathParam("id") String id, @Valid @NotNull RecordTreatyEntryIntoForce body) {
        Treaty treaty = treaty(id);
        return commands.created(body, () -> new TreatyInForce.RecordTreatyEntryIntoForce(id, treaty, body.inForceOn()));
    }
}
