package dev.strata.core.distribution;

import dev.strata.core.oci.Reference;
import java.util.Locale;

/**
 * How Docker names registries in {@code config.json} and on the command line: Docker Hub is
 * {@code https://index.docker.io/v1/} there (its legacy index address), every other registry its
 * {@code host[:port]}; keys written with a scheme or path ({@code https://host/v1/}) still match their host.
 */
public final class ServerKeys {
    /** The key Docker writes for Docker Hub. */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    /** Where Docker Hub's API really is. */
    public static final String DOCKER_HUB_API = "registry-1.docker.io";

    private ServerKeys() {}

    /** The host a {@code login}/{@code logout} argument or config key names: {@code docker.io} for Docker Hub. */
    public static String host(String serverOrKey) {
        String s = serverOrKey == null ? "" : serverOrKey.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        s = s.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> Reference.DEFAULT_DOMAIN;
            default -> s;
        };
    }

    /** The key a login to this host is stored under. */
    public static String key(String host) {
        return host(host).equals(Reference.DEFAULT_DOMAIN) ? DOCKER_HUB_KEY : host(host);
    }

    /** The host the API of this registry is reached at ({@code docker.io} is served by registry-1). */
    public static String apiHost(String host) {
        return host.equals(Reference.DEFAULT_DOMAIN) ? DOCKER_HUB_API : host;
    }
}
