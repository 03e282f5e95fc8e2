package org.tcyledger.membership.member.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tcyledger.eventsourcing.web.Commands;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.membership.member.MemberCommands;
import org.tcyledger.membership.member.PersonKeys;

/** A person's data: its erasure (the rules and the key's destruction: {@code Erasure}), and the keyholder's opening of contact points. */
@Path("/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    Commands commands;
    @Inject
    PersonKeys keys;
    @Inject
    MemberReads reads;
    @Inject
    JsonWebToken token;

    /** The body of an unseal request: the ciphertext as an event carries it. */
    public record Sealed(@jakarta.validation.constraints.NotBlank String ciphertext) {
    }

    /**
     * Opens a contact point's sealed data for the read model that shows it (the projection's register), with the
     * keyholder's token scoped to contact points; anyone else's data stays sealed (403), erased data is gone (410).
     */
    @POST
    @Path("/{personId}/unseal")
    @RolesAllowed(Roles.KEYHOLDER)
    public Map<String, String> unseal(@PathParam("personId") String personId, @Valid @NotNull Sealed body) {
        return reads.openContactPoint(personId, body.ciphertext(), token.getClaim("scope"));
    }

    @POST
    @Path("/{personId}/erasure")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response erase(@PathParam("personId") String personId,
                          @Valid @NotNull MemberRequests.ErasePersonalData body) {
        String memberId = keys.holderOf(personId)
                .orElseThrow(() -> new NotFoundException("No personal data of '" + personId + "' is held"));
        return commands.created(body,
                () -> new MemberCommands.ErasePersonalData(memberId, personId, body.requestedBy(), body.reason()),
                result -> Map.of("personId", personId));
    }
}
