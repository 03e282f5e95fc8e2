package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.TreeSet;
import org.tcyledger.eventsourcing.web.Roles;

/** What every page's resource does the same way: the layout's context, the template's locale, the response. */
@ApplicationScoped
public class Pages {

    @Inject
    SecurityIdentity identity;

    /** The page the request asks for, in the language of its path; {@code section} marks the navigation entry. */
    Page page(String lang, UriInfo uri, String section) {
        Language language = Language.of(lang);
        // the path as the browser sent it: a document's symbol keeps its %20 and %28 in the links built from it
        String path = uri.getRequestUri().getRawPath();
        String rest = path.length() > 3 ? path.substring(3) : "";
        if (rest.equals("/")) {
            rest = "";
        }
        String query = uri.getRequestUri().getRawQuery();
        boolean anonymous = identity.isAnonymous();
        return new Page(language, rest, query == null ? "" : query, anonymous ? null : identity.getPrincipal().getName(),
                anonymous ? "" : String.join(", ", new TreeSet<>(identity.getRoles())), section);
    }

    /** Whether the caller holds a role of the committee that reads the register (as {@code GET /members}). */
    boolean readsRegister() {
        return identity.hasRole(Roles.OBSERVER) || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.SECRETARIAT);
    }

    boolean secretariat() {
        return identity.hasRole(Roles.SECRETARIAT);
    }

    /** The portal's texts in a language, for what Java says (a template reads them itself). */
    static Messages messages(Language lang) {
        return lang == Language.EN ? MessageBundles.get(Messages.class)
                : MessageBundles.get(Messages.class, Localized.Literal.of(lang.code()));
    }

    static Response html(TemplateInstance template, Page page) {
        return html(200, template, page);
    }

    /** Rendered here (the pages' resources run on worker threads), so that the answer says its charset. */
    static Response html(int status, TemplateInstance template, Page page) {
        template.setLocale(page.lang().locale());
        return Response.status(status).entity(template.render()).type("text/html;charset=UTF-8")
                .header("Content-Language", page.lang().code()).build();
    }
}
