package org.tcyledger.projection.portal;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;
import org.tcyledger.projection.documents.DocumentQueries;
import org.tcyledger.projection.documents.DocumentResource.Document;
import org.tcyledger.projection.infra.PublicRecord;

/**
 * The document register, searchable ({@code /en/documents?symbol=2014&year=2014&kind=WORK_PLAN&meeting=T-CY-12}), and a
 * document's page ({@code /en/documents/T-CY%282013%297%20E}): as {@code GET /documents} and
 * {@code GET /documents/{symbol}} answer the caller, so anyone reads the PUBLIC documents (and where they were tabled or
 * adopted once that meeting's report is published) and the committee reads the RESTRICTED ones too.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    @Inject
    Pages pages;
    @Inject
    PublicRecord publicRecord;
    @Inject
    DocumentQueries documents;

    @GET
    @Path("/documents")
    @Blocking
    public Response documents(@PathParam("lang") String lang, @QueryParam("symbol") String symbol,
                              @QueryParam("year") String year, @QueryParam("kind") String kind,
                              @QueryParam("meeting") String meeting, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "documents");
        DocumentQuery query = new DocumentQuery(RegisterPages.blankToNull(symbol), RegisterPages.blankToNull(year),
                RegisterPages.blankToNull(kind), RegisterPages.blankToNull(meeting));
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        Messages text = Pages.messages(page.lang());
        // the years GET /documents accepts
        if (query.year() != null && !query.year().matches("(19|20)\\d\\d")) {
            problems.list().add(text.invalid_year(query.year()));
        }
        problems.choice(query.kind(), DocumentKind.class, text.kind());
        if (!problems.list().isEmpty()) {
            return Pages.html(400, CommitteeTemplates.documents(page, query, problems.list(), List.of()), page);
        }
        DocumentQueries.Reader reader = reader();
        DocumentQueries.Filter filter = new DocumentQueries.Filter(null,
                query.year() == null ? null : Integer.valueOf(query.year()), query.kind(), query.meeting(), null);
        List<Document> found = documents.withRelations(reader, documents.find(reader, filter, query.symbol()));
        return Pages.html(CommitteeTemplates.documents(page, query, List.of(), found), page);
    }

    /** Any symbol, slashes included ({@code CM/Del/Dec(2016)1259}), as the register wrote it. */
    @GET
    @Path("/documents/{symbol: .+}")
    @Blocking
    public Response document(@PathParam("lang") String lang, @PathParam("symbol") String symbol,
                             @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "documents");
        String registered = symbol.strip();
        DocumentQueries.Reader reader = reader();
        List<Document> found = documents.withRelations(reader, documents.find(reader,
                new DocumentQueries.Filter(registered, null, null, null, null)));
        if (found.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    CommitteePages.messages(page.lang()).document_unknown(registered)), page);
        }
        return Pages.html(CommitteeTemplates.document(page, found.get(0)), page);
    }

    /** Observers, auditors and the secretariat read beyond the public record, as GET /documents lets them. */
    private DocumentQueries.Reader reader() {
        return new DocumentQueries.Reader(!publicRecord.onlyPublic());
    }
}
