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

/** An address under {@code /en/} or {@code /fr/} that is no page: a page that says so, in its language (404). */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class NoSuchPage {

    @Inject
    Pages pages;

    @GET
    @Path("/{rest: .+}")
    @Blocking
    public Response none(@PathParam("lang") String lang, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "none");
        return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).not_found_text()), page);
    }
}
