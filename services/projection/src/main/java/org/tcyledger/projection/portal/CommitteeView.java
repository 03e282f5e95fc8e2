package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tcyledger.projection.bodies.WorkingBodyResource.BodyMeeting;
import org.tcyledger.projection.bodies.WorkingBodyResource.WorkingBody;
import org.tcyledger.projection.documents.DocumentResource.Document;

/** What the document register's and the bodies' pages show beyond the query classes' answers. */
final class CommitteeView {

    private CommitteeView() {
    }

    /** A member of a working body, named as the register names it (null when the register does not know it). */
    @TemplateData
    public record Member(String id, String name) {
    }

    /**
     * An extension of a body's mandate as {@code GET /working-bodies} answers it. Copied because the value resolver Qute
     * generated for the API's record {@code WorkingBodyResource.Extension} failed to load that class at run time
     * (NoClassDefFoundError, on every page of the portal), most likely because that resolver's name ends in
     * {@code _Extension_ValueResolver}, the suffix of Qute's template extensions' resolvers, made in another class loader.
     */
    @TemplateData
    public record MandateExtension(LocalDate mandateUntil, String meetingId, String decisionId, LocalDate extendedOn) {
    }

    /**
     * A working body as {@code GET /working-bodies} answers it, its members named, and whether its mandate still
     * runs on {@code today}.
     */
    @TemplateData
    public record Body(WorkingBody body, List<Member> members, LocalDate today) {

        public boolean running() {
            return !body.mandateUntil().isBefore(today);
        }

        public List<MandateExtension> extensions() {
            return body.extensions().stream().map(extension -> new MandateExtension(extension.mandateUntil(),
                    extension.meetingId(), extension.decisionId(), extension.extendedOn())).toList();
        }

        public List<BodyMeeting> meetings() {
            return body.meetings();
        }
    }

    /**
     * A document's page in this page's language: {@code /en/documents/T-CY%282013%297%20E}. The symbol is encoded as
     * a path (a space as %20, parentheses too), its slashes kept, so that symbols of other bodies
     * ({@code CM/Del/Dec(2016)1259}) stay readable and the page's path matches them.
     */
    @TemplateExtension
    static String documentHref(Page page, String symbol) {
        return page.href("/documents/") + encodePath(symbol);
    }

    /** A meeting's page in this page's language. */
    @TemplateExtension
    static String meetingHref(Page page, String meetingId) {
        return page.href("/meetings/") + encodePath(meetingId);
    }

    /** A working body's page in this page's language. */
    @TemplateExtension
    static String bodyHref(Page page, String bodyId) {
        return page.href("/working-bodies/") + encodePath(bodyId);
    }

    static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /** The meetings where the document was tabled, adopted or of which it is the report, each once, in that order. */
    @TemplateExtension
    static List<String> meetingIds(Document document) {
        Set<String> ids = new LinkedHashSet<>();
        document.tabledAt().forEach(tabling -> ids.add(tabling.meetingId()));
        document.adoptedBy().forEach(adoption -> ids.add(adoption.meetingId()));
        if (document.reportOf() != null) {
            ids.add(document.reportOf());
        }
        return List.copyOf(ids);
    }
}
