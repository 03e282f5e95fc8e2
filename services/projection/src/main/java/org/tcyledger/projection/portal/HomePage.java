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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.tcyledger.projection.indicators.IndicatorQueries;
import org.tcyledger.projection.indicators.YearRange;
import org.tcyledger.projection.infra.Paging;
import org.tcyledger.projection.infra.PublicRecord;
import org.tcyledger.projection.notes.GuidanceNoteQueries;
import org.tcyledger.projection.notes.GuidanceNoteResource.NoteVersion;
import org.tcyledger.projection.outcomes.MeetingOutcomeQueries;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Meeting;

/**
 * The home page: what the committee is, its latest meetings and adopted texts, and its indicators per year, as the
 * caller may read them.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private static final int LATEST = 5;

    @Inject
    Pages pages;
    @Inject
    PublicRecord publicRecord;
    @Inject
    MeetingOutcomeQueries meetings;
    @Inject
    GuidanceNoteQueries notes;
    @Inject
    IndicatorQueries indicators;
    @Inject
    Clock clock;

    @GET
    @Blocking
    public Response home(@PathParam("lang") String lang, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "home");
        boolean onlyPublic = publicRecord.onlyPublic();
        return Pages.html(Templates.home(page, latestMeetings(onlyPublic, uri), latestTexts(onlyPublic),
                indicators(onlyPublic)), page);
    }

    /** Every year of the record to this one, as GET /indicators answers without parameters. */
    private IndicatorCharts indicators(boolean onlyPublic) {
        LocalDate today = LocalDate.now(clock);
        YearRange range = YearRange.of(null, null, today.getYear(), () -> indicators.firstYear(today, onlyPublic));
        return IndicatorCharts.of(indicators.of(range, today, onlyPublic));
    }

    /** The meetings come in order of their first day: the latest are on the last page. */
    private List<Meeting> latestMeetings(boolean onlyPublic, UriInfo uri) {
        Paging first = new Paging(0, Paging.MAX_SIZE);
        var answer = meetings.page(null, null, null, onlyPublic, first, uri);
        long total = Long.parseLong(String.valueOf(answer.getHeaderString("X-Total-Count")));
        List<Meeting> all = answer.getEntity();
        if (total > all.size()) {
            all = meetings.page(null, null, null, onlyPublic, new Paging((int) ((total - 1) / Paging.MAX_SIZE),
                    Paging.MAX_SIZE), uri).getEntity();
        }
        List<Meeting> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - LATEST), all.size()));
        Collections.reverse(latest);
        return latest;
    }

    private List<NoteVersion> latestTexts(boolean onlyPublic) {
        return notes.find(false, onlyPublic, null, null, null, null, null).stream()
                .sorted(Comparator.comparing((NoteVersion note) -> note.adoption().adoptedOn()).reversed())
                .limit(LATEST).toList();
    }
}
