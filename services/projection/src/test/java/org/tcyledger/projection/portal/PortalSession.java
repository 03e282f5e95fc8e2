package org.tcyledger.projection.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in through the portal's form, as a browser does: the form's CSRF cookie and field, then the session. */
final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private PortalSession() {
    }

    /** Signs in, checks the answer sends the browser on to {@code next}, and returns the session cookie's value. */
    static String signIn(String username, String password, String next) {
        Response form = given().get("/en/sign-in");
        form.then().statusCode(200);
        Matcher token = CSRF.matcher(form.asString());
        assertTrue(token.find(), "the sign-in form carries a CSRF token");
        Response signedIn = given().redirects().follow(false).cookie("tcy-csrf", form.getCookie("tcy-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token.group(1))
                .formParam("username", username).formParam("password", password).formParam("next", next)
                .post("/en/sign-in");
        signedIn.then().statusCode(303).header("Location", containsString(next));
        String session = signedIn.getCookie("tcy-session");
        assertNotNull(session, "a session cookie");
        return session;
    }
}
