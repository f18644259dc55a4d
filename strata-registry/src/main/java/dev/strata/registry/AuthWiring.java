package dev.strata.registry;

import dev.strata.core.StrataException;
import dev.strata.registry.auth.Authorizer;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/**
 * The one place the server meets the auth package: turns the {@code auth:} section (from the config file or from
 * flags) into the {@link Authorizer} every request is checked with and, for the token service, the endpoint to
 * mount. Until {@code AuthConfig}/{@code RegistryAuth} land, a non-empty section is refused.
 */
public final class AuthWiring {
    /** The realm the {@code --htpasswd} flag uses, as the challenge shows it. */
    static final String DEFAULT_REALM = "strata-registry";

    /** What the server needs from auth. */
    public record Wired(Authorizer authorizer, Optional<Handler> tokenEndpoint, String tokenPath) {}

    private AuthWiring() {}

    /** The auth for {@code section}; no section means every request is allowed. */
    public static Wired wire(Map<String, Object> section, URI publicBaseUrl) {
        if (section.isEmpty()) {
            return new Wired(Authorizer.ALLOW_ALL, Optional.empty(), "");
        }
        // Integration point: RegistryAuth auth = RegistryAuth.create(AuthConfig.fromMap(section), publicBaseUrl);
        // return new Wired(auth.authorizer(), auth.tokenEndpoint(), auth.tokenPath());
        throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot enable registry authentication ("
                + String.join(", ", section.keySet()) + "): this build has no auth module yet; serve without auth");
    }

    /**
     * The section the auth flags stand for, in the config file's shape: {@code --htpasswd FILE} is
     * {@code htpasswd: {realm, path}}, {@code --anonymous-pull} is {@code anonymous: pull}, {@code --auth-token} is
     * {@code token: {}} (the built-in token service with its defaults). Flags add to (and override) the file's section.
     */
    public static Map<String, Object> withFlags(Map<String, Object> fromFile, Optional<Path> htpasswd, boolean anonymousPull,
            boolean token) {
        Map<String, Object> section = new LinkedHashMap<>(fromFile);
        htpasswd.ifPresent(file -> section.put("htpasswd", Map.of("realm", DEFAULT_REALM, "path", file.toString())));
        if (anonymousPull) {
            section.put("anonymous", "pull");
        }
        if (token && !section.containsKey("token")) {
            section.put("token", Map.of());
        }
        return section;
    }
}
