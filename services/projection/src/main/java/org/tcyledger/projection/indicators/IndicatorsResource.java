package org.tcyledger.projection.indicators;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.projection.infra.PublicRecord;

/**
 * The Cybercrime@Octopus project's own indicators for the T-CY (domain.md §5), per year. Part of the public record:
 * anyone reads them, signed in or not; without a role of the committee the counts are of the public record only.
 */
@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
public class IndicatorsResource {

    /** One year's indicators; the first five are the register on 31 December of that year. */
    public record YearIndicators(
            int year,
            @Schema(description = "States that are Parties to ETS185 on 31 December")
            long parties,
            @Schema(description = "States that signed ETS185 and have not consented to be bound, on 31 December")
            long signatoriesNotParties,
            @Schema(description = "States whose instrument is deposited (ratification or accession) but for which "
                                  + "ETS185 is not yet in force, on 31 December")
            long depositedNotYetParties,
            @Schema(description = "States invited to accede whose invitation is valid and that have not acceded, "
                                  + "on 31 December")
            long statesInvited,
            @Schema(description = "Organisations that hold observer status on 31 December")
            long observerOrganisations,
            @Schema(description = "Plenaries held: opened or closed, whose first day is in the year and has come")
            long plenaries,
            @Schema(description = "Other meetings held (Bureau, protocol drafting, working groups; written procedures "
                                  + "are not meetings)")
            long otherMeetings,
            @Schema(description = "Members (States and organisations) with attendance recorded at a plenary held in "
                                  + "the year, each counted once")
            long membersAttendingPlenaries,
            @Schema(description = "Attendances recorded per plenary held in the year that has attendance recorded, "
                                  + "to one decimal; null when none has")
            BigDecimal averageMembersPerPlenary,
            @Schema(description = "Guidance notes adopted in the year (a note adopted twice in a year counts once)")
            long guidanceNotesAdopted,
            @Schema(description = "Assessment reports adopted in the year, supplementary reports included")
            long assessmentReportsAdopted,
            @Schema(description = "Consultations of the Cloud Evidence Group that opened in the year, once that day "
                                  + "has come")
            long consultationsHeld) {
    }

    /** {@code publicRecordOnly}: the caller has no role of the committee, and reads the public record's counts. */
    public record Indicators(int from, int to, boolean publicRecordOnly, List<YearIndicators> years) {
    }

    static final String EXAMPLE = """
            {"from":2013,"to":2013,"publicRecordOnly":false,"years":[{"year":2013,"parties":41,\
            "signatoriesNotParties":12,"depositedNotYetParties":1,"statesInvited":8,"observerOrganisations":9,\
            "plenaries":2,"otherMeetings":3,"membersAttendingPlenaries":57,"averageMembersPerPlenary":48.5,\
            "guidanceNotesAdopted":5,"assessmentReportsAdopted":0,"consultationsHeld":0}]}""";

    @Inject
    IndicatorQueries indicators;
    @Inject
    PublicRecord publicRecord;
    @Inject
    Clock clock;

    @Operation(summary = "The T-CY's indicators per year (public)")
    @APIResponse(responseCode = "200", description = "One entry per year from from to to: the register on 31 December, "
            + "what was held and adopted in the year; without a role of the committee, of the public record only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Indicators.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @GET
    @Blocking
    public Indicators perYear(
            @Parameter(description = "The first year (1990 to 2100); by default the first year of the record",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1990", maximum = "2100"))
            @QueryParam("from") String from,
            @Parameter(description = "The last year (1990 to 2100, at most 99 after from); by default this year",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1990", maximum = "2100"))
            @QueryParam("to") String to) {
        boolean onlyPublic = publicRecord.onlyPublic();
        LocalDate today = LocalDate.now(clock);
        YearRange range = YearRange.of(from, to, today.getYear(), () -> indicators.firstYear(today, onlyPublic));
        return new Indicators(range.from(), range.to(), onlyPublic, indicators.of(range, today, onlyPublic));
    }
}
