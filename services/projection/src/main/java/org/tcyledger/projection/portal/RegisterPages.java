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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.RegisterEntry;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;
import org.tcyledger.register.MemberHistory;
import org.tcyledger.register.MemberRegister;

/**
 * The register on a date ({@code /en/register?on=2014-12-02&treaty=ETS185&status=PARTY&kind=STATE}) with the number
 * of Parties over time, and a member's page ({@code /en/members/RO}). Read as {@code GET /members} is: by the
 * committee's observers, auditors and secretariat; anyone else is asked to sign in.
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class RegisterPages {

    @Inject
    Pages pages;
    @Inject
    MemberRegister register;
    @Inject
    MemberHistory histories;
    @Inject
    Clock clock;

    @GET
    @Path("/register")
    @Blocking
    public Response register(@PathParam("lang") String lang, @QueryParam("on") String on,
                             @QueryParam("treaty") String treaty, @QueryParam("status") String status,
                             @QueryParam("kind") String kind, @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "register");
        RegisterQuery query = new RegisterQuery(blankToNull(on), blankToNull(treaty), blankToNull(status),
                blankToNull(kind));
        if (!pages.readsRegister()) {
            return Pages.html(Templates.register(page, query, List.of(), false, List.of(), null), page);
        }
        Problems problems = new Problems(page.lang());
        LocalDate date = problems.date(query.on(), LocalDate.now(clock));
        Messages text = Pages.messages(page.lang());
        Treaty of = problems.choice(query.treaty(), Treaty.class, text.treaty()).orElse(Treaty.ETS185);
        Optional<TreatyStatus> only = problems.choice(query.status(), TreatyStatus.class, text.status());
        Optional<MemberKind> ofKind = problems.choice(query.kind(), MemberKind.class, text.kind());
        if (!problems.list().isEmpty()) {
            return Pages.html(400, Templates.register(page, query, problems.list(), true, List.of(), null), page);
        }
        List<RegisterEntry> entries = register.on(date, of, only.orElse(null)).stream()
                .filter(entry -> ofKind.isEmpty() || entry.kind() == ofKind.get()).toList();
        PartiesChart parties = PartiesChart.of(of.openedOn(), date,
                day -> register.on(day, of, TreatyStatus.PARTY).size());
        RegisterQuery shown = new RegisterQuery(date.toString(), of.name(), query.status(), query.kind());
        return Pages.html(Templates.register(page, shown, List.of(), true, entries, parties), page);
    }

    @GET
    @Path("/members/{id}")
    @Blocking
    public Response member(@PathParam("lang") String lang, @PathParam("id") String id, @QueryParam("on") String on,
                           @Context UriInfo uri) {
        Page page = pages.page(lang, uri, "register");
        if (!pages.readsRegister()) {
            return Pages.html(Templates.member(page, id, false, null, null, List.of()), page);
        }
        Problems problems = new Problems(page.lang());
        LocalDate date = problems.date(blankToNull(on), LocalDate.now(clock));
        if (!problems.list().isEmpty()) {
            return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).problem_title(),
                    problems.list().get(0)), page);
        }
        Optional<MemberHistory.History> history = histories.of(id);
        if (history.isEmpty()) {
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).member_unknown(id)), page);
        }
        List<RegisterEntry> statuses = new ArrayList<>();
        Arrays.stream(Treaty.values()).forEach(treaty -> register.member(id, date, treaty).ifPresent(statuses::add));
        return Pages.html(Templates.member(page, id, true, history.get(), date, statuses), page);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What is wrong with a page's query, in the page's language. */
    static final class Problems {

        private final Messages text;
        private final List<String> list = new ArrayList<>();

        Problems(Language lang) {
            this.text = Pages.messages(lang);
        }

        List<String> list() {
            return list;
        }

        LocalDate date(String value, LocalDate otherwise) {
            if (value == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                list.add(text.invalid_date(value));
                return otherwise;
            }
        }

        <E extends Enum<E>> Optional<E> choice(String value, Class<E> type, String field) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                list.add(text.invalid_choice(value, field));
                return Optional.empty();
            }
        }

        Optional<Integer> year(String value) {
            if (value == null) {
                return Optional.empty();
            }
            if (value.matches("\\d{4}")) {
                return Optional.of(Integer.parseInt(value));
            }
            list.add(text.invalid_year(value));
            return Optional.empty();
        }
    }
}
