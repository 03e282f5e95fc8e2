package org.tcyledger.projection.reports;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
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
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.eventsourcing.web.Roles;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;

/** Adopted assessment reports: what the plenary adopted, and how each Party followed each recommendation up. */
@Path("/assessment-reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OBSERVER, Roles.AUDITOR, Roles.SECRETARIAT})
public class AssessmentReportResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record FollowUp(String recommendationId, String partyId, String status, LocalDate assessedOn, String note) {
    }

    public record Report(String cycleId, String title, List<String> articles, List<String> assessedParties,
                         int version, String meetingId, String decisionId, LocalDate adoptedOn, JsonNode findings,
                         JsonNode recommendations, List<FollowUp> followUps) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    /**
     * Adopted reports in order of adoption, optionally those adopted between two dates ({@code from}, {@code to},
     * inclusive), on one article, or assessing one Party; paged.
     */
    @Operation(summary = "Adopted assessment reports")
    @APIResponse(responseCode = "200", description = "Adopted assessment reports", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = ApiExamples.REPORTS)))
    @GET
    @Blocking
    public Uni<RestResponse<List<Report>>> reports(@QueryParam("article") String article, @QueryParam("party") String party,
                                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("50") int size,
                                              @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        LocalDate fromDate = from;
        LocalDate toDate = to;
        return readYourWrites.after("projection-assessment-reports", after, () -> {
            return paging.of(query(null).stream()
                    .filter(report -> article == null || report.articles().contains(article))
                    .filter(report -> party == null || report.assessedParties().contains(party))
                    .filter(report -> fromDate == null || !report.adoptedOn().isBefore(fromDate))
                    .filter(report -> toDate == null || !report.adoptedOn().isAfter(toDate))
                    .toList(), uri);
        });
    }

    @Operation(summary = "The adopted report of one assessment cycle, with follow-up per recommendation and Party")
    @APIResponse(responseCode = "200", description = "The adopted report of one assessment cycle, with follow-up per recommendation and Party", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.REPORT)))
    @GET
    @Path("/{cycleId}")
    @Blocking
    public Uni<Report> report(@PathParam("cycleId") String cycleId, @QueryParam("after") String after) {
        return readYourWrites.after("projection-assessment-reports", after, () -> {
            return query(cycleId).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("No adopted report of cycle '" + cycleId + "'"));
        });
    }

    private List<Report> query(String cycleId) {
        List<Report> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT c.cycle_id, c.title, c.articles, c.assessed_parties, a.version, a.meeting_id, a.decision_id, "
                     + "a.adopted_on, d.findings, d.recommendations FROM report_adoption a "
                     + "JOIN report_cycle c ON c.cycle_id = a.cycle_id "
                     + "JOIN report_draft d ON d.cycle_id = a.cycle_id AND d.version = a.version "
                     + "WHERE (? IS NULL OR a.cycle_id = ?) ORDER BY a.adopted_on, a.cycle_id")) {
            select.setString(1, cycleId);
            select.setString(2, cycleId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    reports.add(new Report(id, row.getString(2), Arrays.asList(row.getString(3).split(",")),
                            Arrays.asList(row.getString(4).split(",")), row.getInt(5), row.getString(6),
                            row.getString(7), row.getDate(8).toLocalDate(), JSON.readTree(row.getString(9)),
                            JSON.readTree(row.getString(10)), followUps(connection, id)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the assessment reports", e);
        }
        return reports;
    }

    private static List<FollowUp> followUps(Connection connection, String cycleId) throws SQLException {
        List<FollowUp> followUps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT recommendation_id, party_id, status, "
                + "assessed_on, note FROM report_follow_up WHERE cycle_id = ? ORDER BY recommendation_id, party_id")) {
            select.setString(1, cycleId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    followUps.add(new FollowUp(row.getString(1), row.getString(2), row.getString(3),
                            row.getDate(4).toLocalDate(), row.getString(5)));
                }
            }
        }
        return followUps;
    }
}
