package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.tcyledger.eventsourcing.web.Roles;

/**
 * What the layout of every page needs: the language, the page's own path and query (for the language switch and the
 * way back after signing in), who is signed in and which part of the navigation is current.
 *
 * @param path the page's path after the language, {@code /register}; empty for the home page
 * @param query the raw query string, empty when none
 * @param user the signed-in user's name, null when anonymous
 * @param section the navigation entry this page belongs to ({@code home}, {@code register}, ...)
 */
@TemplateData
public record Page(Language lang, String path, String query, String user, String roles, String section) {

    /** A path of this page's language: {@code href('/register')} is {@code /en/register}. */
    public String href(String pathInLanguage) {
        return "/" + lang.code() + pathInLanguage;
    }

    /** The same page, with the same query, in the other language. */
    public String switchHref() {
        return "/" + lang.other().code() + (path.isEmpty() ? "/" : path) + (query.isEmpty() ? "" : "?" + query);
    }

    /** This page's own address, to come back to after signing in. */
    public String self() {
        return "/" + lang.code() + (path.isEmpty() ? "/" : path) + (query.isEmpty() ? "" : "?" + query);
    }

    public String signInHref() {
        return href("/sign-in") + "?next=" + URLEncoder.encode(self(), StandardCharsets.UTF_8);
    }

    public boolean signedIn() {
        return user != null;
    }

    /** Whether the signed-in user holds {@code role} ({@code roles} is written {@code "auditor, observer"}). */
    public boolean hasRole(String role) {
        return java.util.Arrays.asList(roles.split(", ")).contains(role);
    }

    /** Whether the signed-in user holds one of the committee's roles (observer, auditor, secretariat). */
    public boolean committee() {
        return hasRole(Roles.OBSERVER) || hasRole(Roles.AUDITOR) || hasRole(Roles.SECRETARIAT);
    }

    public boolean current(String name) {
        return section.equals(name);
    }

    public String date(LocalDate date) {
        return lang.date(date);
    }

    /** Any whole number (an int, a long) as the language writes it. */
    public String number(Object number) {
        return number instanceof Number n ? lang.number(n.longValue()) : String.valueOf(number);
    }
}
