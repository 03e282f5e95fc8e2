package org.tcyledger.projection.portal;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tcyledger.projection.documents.DocumentQueries;
import org.tcyledger.projection.documents.DocumentResource.Document;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.projection.infra.PublicRecord;
import org.tcyledger.projection.outcomes.MeetingOutcomeQueries;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Meeting;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Outcomes;
import org.tcyledger.register.MemberRegister;

/**
 * Meetings by kind and year ({@code /en/meetings?kind=PLENARY&year=2014}) and a meeting's outcomes
 * ({@code /en/meetings/T-CY-12}): as {@code GET /meetings} and {@code GET /meetings/{id}/outcomes} answer the caller,
 * so anyone sees a meeting once its report is published (the public record) and the committee sees all.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class MeetingPages {

    @Inject
    Pages pages;
    @Inject
    PublicRecord publicRecord;
    @Inject
    MeetingOutcomeQueries outcomes;
    @Inject
    DocumentQueries documents;
    @Inject
    MemberRegister register;

    @GET
    @Path("/meetings")
    @Blocking
    public Response meetings(@PathParam("lang") String lang, @QueryParam("kind") String kind,
                             @QueryParam("year") String year, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "meetings");
        MeetingQuery query = new MeetingQuery(RegisterPages.blankToNull(kind), RegisterPages.blankToNull(year));
        RegisterPages.Problems problems = new RegisterPages.Problems(page.lang());
        Messages text = Pages.messages(page.lang());
        if (query.kind() != null && !MeetingQuery.KINDS.contains(query.kind())) {
            problems.list().add(text.invalid_choice(query.kind(), text.kind()));
        }
        Optional<Integer> inYear = problems.year(query.year());
        if (!problems.list().isEmpty()) {
            return Pages.html(400, Templates.meetings(page, query, problems.list(), List.of()), page);
        }
        java.sql.Date from = inYear.map(y -> java.sql.Date.valueOf(y + "-01-01")).orElse(null);
        java.sql.Date to = inYear.map(y -> java.sql.Date.valueOf(y + "-12-31")).orElse(null);
        List<Meeting> found = outcomes.page(from, to, query.kind(), publicRecord.onlyPublic(),
                new Paging(0, Paging.MAX_SIZE), uri).getEntity();
        return Pages.html(Templates.meetings(page, query, List.of(), found), page);
    }

    @GET
    @Path("/meetings/{id}")
    @Blocking
    public Response meeting(@PathParam("lang") String lang, @PathParam("id") String id, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "meetings");
        boolean onlyPublic = publicRecord.onlyPublic();
        Outcomes found;
        try {
            found = outcomes.of(id, onlyPublic);
        } catch (NotFoundException e) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).meeting_unknown(id)), page);
        }
        Map<String, Document> registered = documents.find(new DocumentQueries.Reader(!onlyPublic),
                        new DocumentQueries.Filter(null, null, null, id, null)).stream()
                .collect(Collectors.toMap(Document::symbol, Function.identity(), (a, b) -> a));
        Map<String, String> items = found.agenda().stream().collect(Collectors.toMap(
                item -> item.itemId(), item -> item.title(), (a, b) -> a));
        List<MeetingView.Item> agenda = found.agenda().stream().map(item -> new MeetingView.Item(item.itemId(),
                item.title(), item.documentSymbols().stream().map(symbol -> new MeetingView.DocumentLink(symbol,
                        registered.containsKey(symbol) ? registered.get(symbol).title() : null)).toList())).toList();
        Map<String, String> names = register.names(found.attendance().values().stream().flatMap(List::stream).toList());
        List<MeetingView.Attendance> attendance = new ArrayList<>();
        found.attendance().forEach((capacity, members) -> attendance.add(new MeetingView.Attendance(capacity,
                members.stream().map(member -> new MeetingView.Attendee(member, names.getOrDefault(member, member))).toList())));
        List<MeetingView.Decision> decisions = found.decisions().stream().map(decision -> new MeetingView.Decision(
                decision.decisionId(), items.get(decision.agendaItemId()), decision.kind(), decision.subject(),
                decision.version(), decision.text(), MeetingView.Vote.of(decision.vote()), decision.adoptedOn(),
                "ADOPT_GUIDANCE_NOTE".equals(decision.kind()) ? decision.subject() : null)).toList();
        return Pages.html(Templates.meeting(page, new MeetingView(found.meeting(), agenda, attendance, decisions)), page);
    }
}
