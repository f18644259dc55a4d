package dev.strata.registry;

import dev.strata.registry.auth.AuthConfig;
import dev.strata.registry.auth.Authorizer;
import dev.strata.registry.auth.RegistryAuth;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the server meets the auth package: turns the {@code auth:} section (from the config file or from
 * flags) into the {@link Authorizer} every request is checked with and, for the token service, the endpoint to
 * mount. Keys the token service generates are kept in the registry's storage directory.
 */
public final class AuthWiring {
    /** The realm the {@code --htpasswd} flag uses, as the challenge shows it. */
    static final String DEFAULT_REALM = "strata-registry";
    /** The service and issuer names of the token service {@code --auth-token} starts. */
    static final String TOKEN_SERVICE = "strata-registry";

    private AuthWiring() {}

    /** The auth for {@code section}, on the server's clock (token lifetimes); no section means every request is allowed. */
    public static RegistryAuth wire(Map<String, Object> section, URI publicBaseUrl, Path storage, java.time.Clock clock) {
        if (section.isEmpty()) {
            return new RegistryAuth(Authorizer.ALLOW_ALL, Optional.empty(), "");
        }
        return RegistryAuth.create(AuthConfig.fromMap(section).withStateDirectory(storage), publicBaseUrl, clock,
                new java.security.SecureRandom());
    }

    /**
     * The section the auth flags stand for, in the config file's shape: {@code --htpasswd FILE} is
     * {@code htpasswd: {realm, path}}, {@code --anonymous-pull} is {@code anonymous: pull}, {@code --auth-token} is
     * {@code token: {service, issuer}} (the built-in token service, accounts from the htpasswd file). Flags add to (and override) the file's section.
     */
    public static Map<String, Object> withFlags(Map<String, Object> fromFile, Optional<Path> htpasswd, boolean anonymousPull,
            boolean token) {
        Map<String, Object> section = new LinkedHashMap<>(fromFile);
        htpasswd.ifPresent(file -> section.put("htpasswd", Map.of("realm", DEFAULT_REALM, "path", file.toString())));
        if (anonymousPull) {
            section.put("anonymous", "pull");
        }
        if (token && !section.containsKey("token")) {
            section.put("token", Map.of("service", TOKEN_SERVICE, "issuer", TOKEN_SERVICE));
        }
        return section;
    }
}
