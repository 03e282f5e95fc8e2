package org.tcyledger.projection.portal;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in to the portal with an organisation's identity provider (OpenID Connect, authorization code flow), when
 * {@code tcy.portal.oidc.issuer} is set; unset, the portal has only its password form. The OIDC tenant exists only
 * for {@code /{lang}/sign-in/oidc}: quarkus-oidc's default tenant stays disabled, so that the API's bearer tokens
 * remain smallrye-jwt's alone (path-based selection: {@code code} there, {@code form} on the other portal paths,
 * {@code bearer} everywhere else). The provider's answer becomes the portal's own session cookie (SessionCookie),
 * with the roles of the configured claim that map to a portal role; any other role is dropped.
 */
@ApplicationScoped
@Named("identityProvider")
public class IdentityProviderSignIn implements TenantConfigResolver {

    static final String TENANT = "portal";
    private static final Pattern PATH = Pattern.compile("/(en|fr)/sign-in/oidc");

    private final Optional<String> issuer;
    private final Optional<String> name;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String rolesClaim;
    private final Map<String, String> roleNames;
    private final Duration sessionLimit;

    IdentityProviderSignIn(@ConfigProperty(name = "tcy.portal.oidc.issuer") Optional<String> issuer,
                           @ConfigProperty(name = "tcy.portal.oidc.name") Optional<String> name,
                           @ConfigProperty(name = "tcy.portal.oidc.client-id", defaultValue = "tcy-portal") String clientId,
                           @ConfigProperty(name = "tcy.portal.oidc.client-secret") Optional<String> clientSecret,
                           @ConfigProperty(name = "tcy.portal.oidc.roles-claim", defaultValue = "roles") String rolesClaim,
                           @ConfigProperty(name = "tcy.portal.oidc.roles") Optional<String> roles,
                           @ConfigProperty(name = "tcy.portal.oidc.session-limit", defaultValue = "PT8H") Duration sessionLimit) {
        this.issuer = issuer.filter(value -> !value.isBlank());
        this.name = name.filter(value -> !value.isBlank());
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(value -> !value.isBlank());
        this.rolesClaim = rolesClaim;
        this.roleNames = roleNames(roles.orElse(""));
        this.sessionLimit = sessionLimit;
    }

    /** Whether the portal offers signing in with the identity provider. */
    public boolean enabled() {
        return issuer.isPresent();
    }

    /** The provider's name on the sign-in page: {@code tcy.portal.oidc.name}, else the issuer's host. */
    public String name() {
        return name.orElseGet(() -> issuer.map(url -> URI.create(url).getHost()).orElse(""));
    }

    /** Where the sign-in page sends a visitor who chooses the provider, and where the flow returns. */
    public String href(Page page, String next) {
        return page.href("/sign-in/oidc") + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext request, OidcRequestContext<OidcTenantConfig> context) {
        if (issuer.isEmpty() || !PATH.matcher(request.normalizedPath()).matches()) {
            return Uni.createFrom().nullItem();
        }
        var tenant = OidcTenantConfig.authServerUrl(issuer.get()).tenantId(TENANT).clientId(clientId)
                .applicationType(io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType.WEB_APP)
                .roles(io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source.idtoken, rolesClaim);
        clientSecret.ifPresent(tenant::credentials);
        return Uni.createFrom().item(tenant.build());
    }

    /**
     * The portal's session for a person the provider signed in: the name, the provider's roles as portal roles (any
     * other dropped), and an end however active the person stays (the provider is asked again after it).
     */
    SecurityIdentity portalIdentity(String user, Set<String> providerRoles) {
        Set<String> roles = providerRoles.stream().map(role -> roleNames.getOrDefault(role, role))
                .collect(Collectors.toSet());
        return ProviderSessions.identity(ProviderSessions.principal(user, roles, Instant.now().plus(sessionLimit)));
    }

    /** {@code idp-role=portal-role,...}: a provider's role names for the portal's. */
    private static Map<String, String> roleNames(String pairs) {
        return Arrays.stream(pairs.split(",")).map(String::strip).filter(pair -> !pair.isEmpty()).map(pair -> {
            String[] sides = pair.split("=", 2);
            if (sides.length != 2 || !PortalUsers.ROLES.contains(sides[1].strip())) {
                throw new IllegalStateException("tcy.portal.oidc.roles: '" + pair + "' is not 'provider-role="
                        + "portal-role' with a portal role among " + new TreeSet<>(PortalUsers.ROLES));
            }
            return sides;
        }).collect(Collectors.toMap(sides -> sides[0].strip(), sides -> sides[1].strip()));
    }
}
