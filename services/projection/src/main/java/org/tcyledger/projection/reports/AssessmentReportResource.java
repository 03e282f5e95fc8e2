package org.tcyledger.projection.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.projection.infra.ApiExamples;
import org.tcyledger.projection.infra.Paging;

/** Adopted assessment reports: what the plenary adopted, and how each Party followed each recommendation up. */
@Path("/assessment-reports")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
public class AssessmentReportResource {

    public record FollowUp(String recommendationId, String partyId, String status, LocalDate assessedOn, String note) {
    }

    /** The adopted report; {@code documentSymbol} its document (none for reports recorded before symbols). */
    public record Report(String cycleId, String title, List<String> articles, List<String> assessedParties,
                         int version, String meetingId, String decisionId, LocalDate adoptedOn, JsonNode findings,
                         JsonNode recommendations, List<FollowUp> followUps, String documentSymbol,
                         List<SupplementaryReport> supplements) {
    }

    /** An adopted supplementary report of the cycle, on Parties the report did not assess (in order of adoption). */
    public record SupplementaryReport(String id, List<String> partyIds, int version, LocalDate adoptedOn,
                                      String meetingId, String decisionId, String documentSymbol, JsonNode findings,
                                      JsonNode recommendations) {
    }

    @Inject
    AssessmentReportQueries reports;
    @Inject
    org.tcyledger.projection.infra.PublicRecord publicRecord;
    @Inject
    org.tcyledger.projection.infra.ReadYourWrites readYourWrites;

    /**
     * Adopted reports in order of adoption, optionally those adopted between two dates ({@code from}, {@code to},
     * inclusive), on one article, or assessing one Party (in the report or in an adopted supplement); paged.
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
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-assessment-reports", after,
                () -> paging.of(publicRecord.readable(onlyPublic, reports.find(article, party, from, to),
                        Report::documentSymbol), uri));
    }

    @Operation(summary = "The adopted report of one assessment cycle, with follow-up per recommendation and Party, "
                         + "and its adopted supplementary reports")
    @APIResponse(responseCode = "200", description = "The adopted report of one assessment cycle, with follow-up per recommendation and Party", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Report.class),
            examples = @ExampleObject(name = "example", value = ApiExamples.REPORT)))
    @GET
    @Path("/{cycleId}")
    @Blocking
    public Uni<Report> report(@PathParam("cycleId") String cycleId, @QueryParam("after") String after) {
        boolean onlyPublic = publicRecord.onlyPublic();
        return readYourWrites.after("projection-assessment-reports", after, () -> {
            return publicRecord.readable(onlyPublic, reports.adopted(cycleId), Report::documentSymbol).stream()
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No adopted report of cycle '" + cycleId + "'"
                            + (onlyPublic ? " whose document is public" : "")));
        });
    }
}
