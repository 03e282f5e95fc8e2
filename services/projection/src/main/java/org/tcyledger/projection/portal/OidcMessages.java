package org.tcyledger.projection.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of signing in with an identity provider (IdentityProviderSignIn), in English;
 * {@code messages/oidc_fr.properties} has each in French. Templates read them as {@code {oidc:key}}.
 */
@MessageBundle(value = "oidc", locale = "en")
public interface OidcMessages {

    @Message("Sign in with {provider}")
    String sign_in_with(String provider);

    @Message("Or, with a password of this portal:")
    String or_password();
}
