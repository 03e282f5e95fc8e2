package org.tcyledger.projection.portal;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.projection.infra.PublicRecord;
import org.tcyledger.projection.notes.GuidanceNoteQueries;
import org.tcyledger.projection.notes.GuidanceNoteResource.NoteVersion;

/**
 * Guidance notes ({@code /en/guidance-notes}) and one note's versions, English and French side by side
 * ({@code /en/guidance-notes/gn-botnets}), as {@code GET /guidance-notes} answers the caller: adopted versions (anyone
 * for those whose document is PUBLIC), drafts too for the secretariat.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class GuidanceNotePages {

    @Inject
    Pages pages;
    @Inject
    PublicRecord publicRecord;
    @Inject
    GuidanceNoteQueries notes;

    /** One line per note: its latest version the caller may read. */
    @GET
    @Path("/guidance-notes")
    @Blocking
    public Response notes(@PathParam("lang") String lang, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "notes");
        Map<String, NoteVersion> latest = new LinkedHashMap<>();
        for (NoteVersion version : notes.find(pages.secretariat(), publicRecord.onlyPublic(), null, null, null, null, null)) {
            latest.merge(version.id(), version, (a, b) -> b.version() > a.version() ? b : a);
        }
        Collection<NoteVersion> shown = latest.values();
        return Pages.html(Templates.notes(page, List.copyOf(shown)), page);
    }

    @GET
    @Path("/guidance-notes/{id}")
    @Blocking
    public Response note(@PathParam("lang") String lang, @PathParam("id") String id, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "notes");
        List<NoteVersion> versions = notes.find(pages.secretariat(), publicRecord.onlyPublic(), id, null, null, null,
                null).stream().sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
        if (versions.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).note_unknown(id)), page);
        }
        return Pages.html(Templates.note(page, id, versions), page);
    }
}
