package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.Tokens;

/**
 * Signing in to the portal with an organisation's identity provider (TestIdentityProvider: a real OpenID Connect
 * provider on loopback): the sign-in page offers it in both languages, the authorization code flow ends with the
 * portal's own session cookie and the provider's roles mapped to the portal's, and the API keeps its bearer tokens.
 */
@QuarkusTest
@TestProfile(TestIdentityProvider.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class IdentityProviderSignInTest {

    /** A browser, redirects off: every answer's cookies are kept (and dropped when the answer expires them). */
    private static final class Browser {
        final Map<String, String> cookies = new HashMap<>();
        final List<String> setCookies = new ArrayList<>();

        Response get(String url) {
            Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url);
            for (String header : response.headers().getValues("Set-Cookie")) {
                setCookies.add(header);
                String[] pair = header.split(";", 2)[0].split("=", 2);
                boolean expired = header.toLowerCase().contains("max-age=0") || pair[1].isEmpty();
                if (expired) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        }

        /** The Set-Cookie header of the last answer that set {@code name}. */
        String setCookie(String name) {
            return setCookies.reversed().stream().filter(header -> header.startsWith(name + "=")).findFirst()
                    .orElse(null);
        }
    }

    /** Goes through the whole code flow from the sign-in page's link; returns the browser, signed in. */
    private static Browser signInWithTheProvider(String lang, String next) {
        Browser browser = new Browser();
        String signInPage = browser.get("/" + lang + "/sign-in?next=" + next).then().statusCode(200).extract().asString();
        String link = "/" + lang + "/sign-in/oidc?next=" + next.replace("/", "%2F");
        assertTrue(signInPage.contains("href=\"" + link + "\""), "the sign-in page links the provider: " + link);
        // to the provider, which signs the person in and sends the browser back with a code
        Response challenge = browser.get(link);
        challenge.then().statusCode(302).header("Location", startsWith(TestIdentityProvider.issuer() + "/auth?"));
        Response code = browser.get(challenge.header("Location"));
        code.then().statusCode(302);
        String callback = code.header("Location");
        assertTrue(callback.contains("/" + lang + "/sign-in/oidc") && callback.contains("code="), callback);
        // quarkus-oidc exchanges the code for the tokens, then drops code and state from the address
        Response exchanged = browser.get(callback);
        String location = exchanged.header("Location");
        int hops = 0;
        while (exchanged.statusCode() == 302 && location.contains("/sign-in/oidc") && hops++ < 3) {
            exchanged = browser.get(location);
            location = exchanged.header("Location");
        }
        exchanged.then().statusCode(303);
        assertEquals(next, URI.create(location).getPath(), "signed in, the browser goes on to where it was");
        return browser;
    }

    @Test
    void theSignInPageOffersTheProviderInBothLanguages() {
        given().get("/en/sign-in").then().statusCode(200)
                .body(containsString("data-test=\"oidc-sign-in\""), containsString("Sign in with Test Directory"),
                        containsString("data-test=\"sign-in-form\""), containsString("href=\"/fr/sign-in\""));
        given().get("/fr/sign-in").then().statusCode(200).header("Content-Language", "fr")
                .body(containsString("Se connecter avec Test Directory"), containsString("href=\"/en/sign-in\""));
    }

    @Test
    void theCodeFlowEndsSignedInWithTheMappedRolesAndThePortalsCookie() {
        TestIdentityProvider.signsInAs("oidc-auditor", "tcy-auditor", "offline_access");
        Browser browser = signInWithTheProvider("en", "/en/audit/verify");
        String cookie = browser.setCookie("tcy-session");
        assertNotNull(cookie, "the portal's own session cookie");
        String flags = cookie.toLowerCase();
        assertTrue(flags.contains("httponly") && flags.contains("samesite=lax") && flags.contains("path=/"), cookie);
        assertFalse(flags.contains("secure"), "not Secure over plain HTTP: " + cookie);
        assertTrue(browser.cookies.keySet().stream().noneMatch(name -> name.startsWith("q_session")),
                "quarkus-oidc's own session is dropped: " + browser.cookies.keySet());
        String page = browser.get("/en/audit/verify").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-test=\"signed-in-as\"") && page.contains("oidc-auditor"), "signed in by name");
        assertTrue(page.contains("data-test=\"verify-run\"") && !page.contains("offline_access"),
                "the provider's tcy-auditor is the portal's auditor; its other roles are dropped");
        // the same page as the API answers the same role
        given().auth().oauth2(Tokens.forTests().token("auditor")).get("/audit/verify").then().statusCode(200);
        browser.get("/fr/audit/verify").then().statusCode(200).body(containsString("Lancer la vérification"),
                containsString("href=\"/en/audit/verify\""));
    }

    @Test
    void aRoleTheProviderDoesNotMapGivesNoMoreThanTheMappedOnes() {
        TestIdentityProvider.signsInAs("oidc-observer", "tcy-observer", "secretariat-of-another-app", "admin");
        Browser browser = signInWithTheProvider("fr", "/fr/audit/verify");
        // another role is refused (403), in the portal as in the API
        String page = browser.get("/fr/audit/verify").then().statusCode(403).extract().asString();
        assertTrue(page.contains("oidc-observer") && page.contains("observer"), "signed in as an observer");
        assertTrue(page.contains("data-test=\"role-cannot-audit\"") && !page.contains("data-test=\"verify-run\""),
                "an observer does not audit");
        given().auth().oauth2(Tokens.forTests().token("observer")).get("/audit/verify").then().statusCode(403);
        assertFalse(page.contains("secretariat"), "an unmapped role is no portal role");
    }

    @Test
    void theApiKeepsItsBearerTokens() {
        given().redirects().follow(false).get("/members").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(Tokens.forTests().token("observer")).get("/members").then().statusCode(200);
        // the provider's tokens are no credential of the API, nor is the portal's session
        TestIdentityProvider.signsInAs("oidc-observer", "tcy-observer");
        Browser browser = signInWithTheProvider("en", "/en/register");
        given().redirects().follow(false).cookies(browser.cookies).get("/members").then().statusCode(401)
                .contentType("application/problem+json");
        // the password form still signs in
        String session = PortalSession.signIn("portal-auditor", "test-auditor-password", "/en/register");
        given().cookie("tcy-session", session).get("/en/register").then().statusCode(200)
                .body(containsString("portal-auditor"));
    }

    @Test
    void aCodeTheProviderNeverGaveOrAForeignStateSignsNobodyIn() {
        TestIdentityProvider.signsInAs("oidc-auditor", "tcy-auditor");
        Browser browser = new Browser();
        Response challenge = browser.get("/en/sign-in/oidc?next=%2Fen%2Fregister");
        challenge.then().statusCode(302);
        String state = challenge.header("Location").replaceAll(".*[?&]state=([^&]+).*", "$1");
        // the browser's own state, but a code the provider never gave: the provider refuses it, nobody is signed in
        browser.get("/en/sign-in/oidc?code=forged&state=" + state).then().statusCode(401);
        // a real code, but the state of another browser's flow: no flow of this browser has it, so a new one starts
        Browser other = new Browser();
        String realCode = other.get(other.get("/en/sign-in/oidc?next=%2Fen%2Fregister").header("Location"))
                .header("Location").replaceAll(".*[?&]code=([^&]+).*", "$1");
        Browser attacker = new Browser();
        attacker.get("/en/sign-in/oidc?next=%2Fen%2Fregister").then().statusCode(302);
        attacker.get("/en/sign-in/oidc?code=" + realCode + "&state=" + state).then().statusCode(302)
                .header("Location", startsWith(TestIdentityProvider.issuer() + "/auth?"));
        for (Browser each : List.of(browser, attacker)) {
            assertTrue(each.setCookie("tcy-session") == null, "no portal session");
            each.get("/en/register").then().statusCode(200).body(not(containsString("data-test=\"signed-in-as\"")));
        }
    }
}
