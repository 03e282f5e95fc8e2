package org.tcyledger.projection.documents;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
import java.util.Arrays;
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
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.eventsourcing.web.openapi.ApiDocument;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.projection.infra.ReadYourWrites;

/**
 * The document register as read (domain.md §5): part of the public record. Anyone, signed in or not, reads the
 * PUBLIC documents, and where they were tabled or adopted once that meeting's report is published; observers,
 * auditors and the secretariat read RESTRICTED documents and unpublished outcomes too.
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = ApiDocument.BEARER))
public class DocumentResource {

    /** {@code supersededBy}: the later symbols that supersede it; {@code reportOf}: the meeting it is the report of. */
    public record Document(String symbol, String title, String kind, LocalDate datedOn, List<String> languages,
                           String access, LocalDate publishedOn, String supersedes, List<String> supersededBy,
                           List<Tabling> tabledAt, List<Adoption> adoptedBy, String reportOf) {
    }

    /** The agenda item of a meeting that tabled the document. */
    public record Tabling(String meetingId, String itemId, String itemTitle) {
    }

    /** The decision that adopted the document. */
    public record Adoption(String meetingId, String decisionId, String kind, LocalDate adoptedOn) {
    }

    static final String EXAMPLE = """
            {"symbol":"T-CY(2013)6 E rev","title":"T-CY Guidance Note #2: Provisions of the Budapest Convention \
            covering botnets","kind":"GUIDANCE_NOTE","datedOn":"2013-06-05","languages":["en","fr"],\
            "access":"PUBLIC","publishedOn":"2013-06-05","supersedes":"T-CY(2013)6 E","supersededBy":[],\
            "tabledAt":[{"meetingId":"T-CY-9","itemId":"guidance-notes","itemTitle":"Guidance notes"}],\
            "adoptedBy":[{"meetingId":"T-CY-9","decisionId":"d3","kind":"ADOPT_GUIDANCE_NOTE",\
            "adoptedOn":"2013-06-05"}],"reportOf":null}""";

    @Inject
    DocumentQueries documents;
    @Inject
    org.tcyledger.projection.infra.PublicRecord publicRecord;
    @Inject
    ReadYourWrites readYourWrites;

    /**
     * Documents by the year of their date, kind, meeting (tabled, adopted or reported there) and access, in order of
     * date and symbol; paged.
     */
    @Operation(summary = "The document register (public documents for everyone, restricted ones for observers)")
    @APIResponse(responseCode = "200", description = "Documents with where they were tabled, what adopted them and "
            + "what superseded them", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Document.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "example", value = "[" + EXAMPLE + "]")))
    @GET
    @Blocking
    public Uni<RestResponse<List<Document>>> list(@QueryParam("year") String year, @QueryParam("kind") String kind,
                                                  @QueryParam("meetingId") String meetingId,
                                                  @QueryParam("access") String access,
                                                  @QueryParam("page") @DefaultValue("0") int page,
                                                  @QueryParam("size") @DefaultValue("50") int size,
                                                  @QueryParam("after") String after, @Context UriInfo uri) {
        Paging paging = new Paging(page, size);
        DocumentQueries.Filter filter = new DocumentQueries.Filter(null, year(year), named("kind", kind,
                DocumentKind.values()), meetingId, named("access", access, DocumentAccess.values()));
        DocumentQueries.Reader reader = reader();
        return readYourWrites.after(DocumentsProjection.GROUP, after, () -> {
            List<Document> all = documents.find(reader, filter);
            int from = Math.min(paging.offset(), all.size());
            List<Document> onPage = all.subList(from, Math.min(from + paging.size(), all.size()));
            return paging.respond(documents.withRelations(reader, onPage), all.size(), uri);
        });
    }

    @Operation(summary = "One document of the register, with where it was tabled, what adopted and superseded it")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Document.class),
            examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such document, or not one this reader may see")
    @GET
    @Path("/{symbol}")
    @Blocking
    public Uni<Document> document(@PathParam("symbol") String symbol, @QueryParam("after") String after) {
        String registered = symbol.strip();
        DocumentQueries.Reader reader = reader();
        return readYourWrites.after(DocumentsProjection.GROUP, after, () -> documents.withRelations(reader,
                        documents.find(reader, new DocumentQueries.Filter(registered, null, null, null, null)))
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No document '" + registered + "' in the register")));
    }

    /** Observers, auditors and the secretariat read beyond the public record; anyone else, signed in or not, not. */
    private DocumentQueries.Reader reader() {
        return new DocumentQueries.Reader(!publicRecord.onlyPublic());
    }

    private static Integer year(String year) {
        if (year == null) {
            return null;
        }
        if (!year.matches("^(19|20)\\d\\d$")) {
            throw new BadRequestException("year is a year of four digits from 1900 to 2099, not '" + year + "'");
        }
        return Integer.valueOf(year);
    }

    private static String named(String parameter, String value, Enum<?>[] names) {
        if (value != null && Arrays.stream(names).noneMatch(name -> name.name().equals(value))) {
            throw new BadRequestException(parameter + " is one of " + Arrays.toString(names) + ", not '" + value + "'");
        }
        return value;
    }
}
