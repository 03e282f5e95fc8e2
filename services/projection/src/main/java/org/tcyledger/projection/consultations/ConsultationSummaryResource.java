package org.tcyledger.projection.consultations;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;

/**
 * The tally of a consultation: per option, per stakeholder kind, how many submissions supported, opposed or were
 * neutral. Under the Chatham House rule a cell that could single out one stakeholder is suppressed ({@link ChathamHouse}).
 */
@Path("/consultations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OBSERVER, Roles.AUDITOR, Roles.SECRETARIAT})
public class ConsultationSummaryResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code count} is null when {@code suppressed}. */
    public record Cell(String optionId, String kind, String stance, Integer count, boolean suppressed) {
    }

    public record Summary(String consultationId, String title, boolean chathamHouse, JsonNode options, List<Cell> tally) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    @Operation(summary = "Stances per option and stakeholder kind, never who took them")
    @APIResponse(responseCode = "200", description = "Stances per option and stakeholder kind, never who took them", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Summary.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.SUMMARY)))
    @GET
    @Path("/{id}/summary")
    @Blocking
    public Uni<Summary> summary(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("after") String after) {
        return readYourWrites.after("projection-consultations", after, () -> {
            try (Connection connection = dataSource.getConnection()) {
                String title;
                boolean chathamHouse;
                JsonNode options;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT title, chatham_house, options FROM summary_consultation WHERE consultation_id = ?")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new NotFoundException("No consultation '" + id + "'");
                        }
                        title = row.getString(1);
                        chathamHouse = row.getBoolean(2);
                        options = JSON.readTree(row.getString(3));
                    }
                }
                Map<String, Integer> registered = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT kind, registered FROM summary_stakeholder_kind WHERE consultation_id = ?")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            registered.put(row.getString(1), row.getInt(2));
                        }
                    }
                }
                List<Cell> tally = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT option_id, kind, stance, count(*) "
                        + "FROM summary_stance WHERE consultation_id = ? GROUP BY option_id, kind, stance "
                        + "ORDER BY option_id, kind, stance")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            int count = row.getInt(4);
                            boolean suppressed = ChathamHouse.suppresses(chathamHouse, count,
                                    registered.getOrDefault(row.getString(2), 0));
                            tally.add(new Cell(row.getString(1), row.getString(2), row.getString(3),
                                    suppressed ? null : count, suppressed));
                        }
                    }
                }
                return new Summary(id, title, chathamHouse, options, tally);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot read the summary of " + id, e);
            }
        });
    }
}
