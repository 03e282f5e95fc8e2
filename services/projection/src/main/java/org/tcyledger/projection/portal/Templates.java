package org.tcyledger.projection.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.projection.outcomes.MeetingOutcomeResource.Meeting;
import org.tcyledger.projection.notes.GuidanceNoteResource.NoteVersion;
import org.tcyledger.register.MemberHistory;
import org.tcyledger.register.TreatyChart;

/** The portal's pages (templates/portal/*.html), each checked against these parameters when the service is built. */
@CheckedTemplate(basePath = "portal")
final class Templates {

    private Templates() {
    }

    static native TemplateInstance home(Page page, List<Meeting> meetings, List<NoteVersion> texts,
                                        IndicatorCharts indicators);

    static native TemplateInstance register(Page page, RegisterQuery query, List<String> problems, boolean allowed,
                                            List<RegisterEntry> entries, PartiesChart parties);

    static native TemplateInstance member(Page page, String id, boolean allowed, MemberHistory.History history,
                                          java.time.LocalDate on, List<RegisterEntry> statuses);

    static native TemplateInstance chart(Page page, Treaty treaty, List<Treaty> treaties, String on,
                                         List<String> problems, TreatyChart.Chart chart, List<TreatyChart.Row> members,
                                         List<TreatyChart.Row> nonMembers, String csvHref, String apiPath);

    static native TemplateInstance meetings(Page page, MeetingQuery query, List<String> problems, List<Meeting> meetings);

    static native TemplateInstance meeting(Page page, MeetingView meeting);

    static native TemplateInstance notes(Page page, List<NoteVersion> notes);

    static native TemplateInstance note(Page page, String id, List<NoteVersion> versions);

    static native TemplateInstance signIn(Page page, String next, String csrf, boolean failed);

    static native TemplateInstance signOut(Page page, String csrf);

    static native TemplateInstance notFound(Page page, String title, String message);
}
