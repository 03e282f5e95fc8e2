package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.bodies.WorkingBodyQueries;
import org.tcyledger.projection.bodies.WorkingBodyResource.WorkingBody;
import org.tcyledger.projection.bureau.BureauQueries;
import org.tcyledger.projection.bureau.BureauResource.Bureau;
import org.tcyledger.register.MemberRegister;

/**
 * The committee's own bodies, part of the public record (read by anyone, as {@code GET /bureau} and
 * {@code GET /working-bodies}): the Bureau on a date with the history of its elections ({@code /en/bureau?on=2021-06-01}),
 * the working bodies ({@code /en/working-bodies}) and one body ({@code /en/working-bodies/ceg}).
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class CommitteePages {

    @Inject
    Pages pages;
    @Inject
    BureauQueries bureau;
    @Inject
    WorkingBodyQueries bodies;
    @Inject
    MemberRegister register;
    @Inject
    Clock clock;

    @GET
    @Path("/bureau")
    @Blocking
    public Response bureau(@PathParam("lang") String lang, @QueryParam("on") String on, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "bodies");
        String asked = RegisterPages.blankToNull(on);
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        LocalDate date = problems.date(asked, LocalDate.now(clock));
        if (!problems.list().isEmpty()) {
            return Pages.html(400, CommitteeTemplates.bureau(page, asked, problems.list(), null, List.of()), page);
        }
        Bureau onDate = bureau.on(date);
        return Pages.html(CommitteeTemplates.bureau(page, date.toString(), List.of(), onDate, bureau.terms()), page);
    }

    @GET
    @Path("/working-bodies")
    @Blocking
    public Response workingBodies(@PathParam("lang") String lang, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "bodies");
        LocalDate today = LocalDate.now(clock);
        List<WorkingBody> all = bodies.find(null);
        Map<String, String> names = names(today);
        return Pages.html(CommitteeTemplates.workingBodies(page, all.stream().map(body -> view(body, names, today))
                .toList()), page);
    }

    @GET
    @Path("/working-bodies/{id}")
    @Blocking
    public Response workingBody(@PathParam("lang") String lang, @PathParam("id") String id, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "bodies");
        List<WorkingBody> found = bodies.find(id);
        if (found.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    messages(page.lang()).body_unknown(id)), page);
        }
        LocalDate today = LocalDate.now(clock);
        return Pages.html(CommitteeTemplates.workingBody(page, view(found.get(0), names(today), today)), page);
    }

    /** The members' names as the register has them today (the working bodies' read model holds only their ids). */
    private Map<String, String> names(LocalDate today) {
        return register.on(today, Treaty.ETS185, null).stream()
                .collect(Collectors.toMap(RegisterEntry::id, RegisterEntry::name, (a, b) -> a));
    }

    private static CommitteeView.Body view(WorkingBody body, Map<String, String> names, LocalDate today) {
        return new CommitteeView.Body(body, body.members().stream()
                .map(member -> new CommitteeView.Member(member, names.get(member))).toList(), today);
    }

    static CommitteeMessages messages(Language lang) {
        return lang == Language.EN ? MessageBundles.get(CommitteeMessages.class)
                : MessageBundles.get(CommitteeMessages.class, Localized.Literal.of(lang.code()));
    }
}
