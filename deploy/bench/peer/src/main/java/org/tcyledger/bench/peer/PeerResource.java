package org.tcyledger.bench.peer;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.tcyledger.contracts.membership.MemberKind;

/**
 * {@code POST /members} as a team would write it without events: the body membership's endpoint takes, checked the same
 * way, the caller's token verified the same way (smallrye-jwt, the same key and issuer), one row inserted and committed,
 * 201 with the row's location. It is the bench's yardstick for what a REST command costs on this machine.
 */
@Path("/members")
public class PeerResource {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    @Inject
    AgroalDataSource dataSource;

    /** The body of membership's {@code RegisterMember}. */
    public record RegisterMember(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String name,
                                 @NotNull MemberKind kind, @NotNull Boolean councilOfEuropeMember) {
    }

    @POST
    @RolesAllowed("secretariat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull RegisterMember body) throws SQLException {
        UUID rowId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peer_member "
                    + "(id, name, kind, council_of_europe_member, row_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, body.id());
                insert.setString(2, body.name());
                insert.setString(3, body.kind().name());
                insert.setBoolean(4, body.councilOfEuropeMember());
                insert.setObject(5, rowId);
                int inserted = insert.executeUpdate();
                connection.commit();
                if (inserted == 0) {
                    return Response.status(409).type("application/problem+json").entity(Map.of("type",
                            "about:blank", "title", "member-already-registered", "status", 409)).build();
                }
            }
        }
        return Response.created(URI.create("/members/" + body.id())).entity(Map.of("id", body.id(), "rowId", rowId))
                .build();
    }
}
