package org.tcyledger.projection.portal;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out of the portal. Each form carries a CSRF token (CsrfTokens): a post without the token of its
 * cookie is refused (400) before the password is read. A right password gets the form authentication's session
 * cookie (SessionCookie) and a 303 back to where the visitor was; a wrong one, the form again with a message (401),
 * and no cookie. When an identity provider is configured (IdentityProviderSignIn), the form also offers signing in
 * with it ({@code /{lang}/sign-in/oidc}).
 */
@Path("/{lang: en|fr}")
@Produces(MediaType.TEXT_HTML)
public class SignIn {

    @Inject
    Pages pages;
    @Inject
    IdentityProviderManager identities;
    @Inject
    SessionCookie sessions;
    @Inject
    IdentityProviderSignIn provider;
    @Inject
    SecurityIdentity identity;
    @Inject
    HttpAuthenticator authenticator;
    @Inject
    OidcSession oidcSession;

    @GET
    @Path("/sign-in")
    @Blocking
    public Response form(@PathParam("lang") String lang, @QueryParam("next") String next,
                         @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri,
                         @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "sign-in");
        String token = CsrfTokens.forForm(csrf);
        return withToken(Pages.html(Templates.signIn(page, local(next, page), token, false), page), token, request);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response signIn(@PathParam("lang") String lang, @RestForm(CsrfTokens.FIELD) String token,
                           @CookieParam(CsrfTokens.COOKIE) String csrf, @RestForm String username,
                           @RestForm String password, @RestForm String next, @Context UriInfo uri,
                           @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "sign-in");
        if (!CsrfTokens.matches(csrf, token)) {
            return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).csrf_title(),
                    Pages.messages(page.lang()).csrf_failed()), page);
        }
        String back = local(next, page);
        SecurityIdentity identity;
        try {
            identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    username == null ? "" : username, new PasswordCredential(password == null ? new char[0]
                    : password.toCharArray())));
        } catch (AuthenticationFailedException e) {
            return Pages.html(401, Templates.signIn(page, back, csrf, true), page);
        }
        sessions.issue(identity, request);
        return Response.seeOther(URI.create(back)).build();
    }

    /**
     * Signing in with the identity provider (IdentityProviderSignIn): the first visit is sent to the provider
     * (quarkus-oidc's code flow, the only mechanism of this path); the provider sends the browser back here, signed
     * in; the portal then issues its own session cookie, drops quarkus-oidc's, and sends the visitor on to
     * {@code next}. Without a configured provider there is no such page.
     */
    @GET
    @Path("/sign-in/oidc")
    @Blocking
    public Response withIdentityProvider(@PathParam("lang") String lang, @QueryParam("next") String next,
                                         @Context UriInfo uri, @Context RoutingContext request) {
        if (!provider.enabled()) {
            Page page = pages.page(lang, uri, "sign-in");
            return Pages.html(404, Templates.notFound(page, Pages.messages(page.lang()).not_found_title(),
                    Pages.messages(page.lang()).not_found_text()), page);
        }
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null) {
            // the code flow's challenge (a redirect to the provider, with its state cookie) asked of the path's own
            // mechanism: an UnauthorizedException would get the API's 401 problem (ProblemMappers) instead
            ChallengeData challenge = authenticator.getChallenge(request).await().indefinitely();
            Response.ResponseBuilder toProvider = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> toProvider.header(name.toString(), value));
            return toProvider.build();
        }
        sessions.issue(provider.portalIdentity(identity.getPrincipal().getName(), identity.getRoles()), request);
        oidcSession.logout().await().indefinitely();
        return Response.seeOther(URI.create(local(next, lang))).build();
    }

    @GET
    @Path("/sign-out")
    @Blocking
    public Response signOutForm(@PathParam("lang") String lang, @CookieParam(CsrfTokens.COOKIE) String csrf,
                                @Context UriInfo uri, @Context RoutingContext request) {
        Page page = pages.page(lang, uri, "sign-out");
        String token = CsrfTokens.forForm(csrf);
        return withToken(Pages.html(Templates.signOut(page, token), page), token, request);
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Response signOut(@PathParam("lang") String lang, @RestForm(CsrfTokens.FIELD) String token,
                            @CookieParam(CsrfTokens.COOKIE) String csrf, @Context UriInfo uri,
                            @Context RoutingContext request) {
        if (!CsrfTokens.matches(csrf, token)) {
            Page page = pages.page(lang, uri, "sign-out");
            return Pages.html(400, Templates.notFound(page, Pages.messages(page.lang()).csrf_title(),
                    Pages.messages(page.lang()).csrf_failed()), page);
        }
        sessions.clear(request);
        return Response.seeOther(URI.create("/" + Language.of(lang).code() + "/")).build();
    }

    private static Response withToken(Response page, String token, RoutingContext request) {
        return Response.fromResponse(page).cookie(CsrfTokens.cookie(token, request.request().isSSL())).build();
    }

    /** Only a path of this portal: a link that sends a visitor elsewhere after signing in is ignored. */
    private static String local(String next, Page page) {
        return local(next, page.lang().code());
    }

    private static String local(String next, String lang) {
        if (next != null && next.matches("/(en|fr)(/[^\\\\]*)?(\\?.*)?") && !next.startsWith("//")) {
            return next;
        }
        return "/" + Language.of(lang).code() + "/";
    }
}
