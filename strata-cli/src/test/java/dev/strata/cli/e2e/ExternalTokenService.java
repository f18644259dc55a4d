package dev.strata.cli.e2e;

import dev.strata.registry.auth.AuthConfig;
import dev.strata.registry.auth.RegistryAuth;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/**
 * Strata's token service alone on loopback (service {@code registry.test}, issuer {@code strata}), for registries
 * that take its tokens: the CNCF registry, or Strata's with an external realm. Its clock is movable, so it can issue
 * tokens that are about to expire.
 */
final class ExternalTokenService implements AutoCloseable {
    static final String SERVICE = "registry.test";
    static final String ISSUER = "strata";

    final LocalRegistry.MovableClock clock = new LocalRegistry.MovableClock();
    final URI base;
    final Path certificate;
    private final Server server = new Server();

    ExternalTokenService(Path dir, Map<String, String> users, List<Map<String, Object>> access, boolean anonymousPull)
            throws Exception {
        Files.createDirectories(dir);
        Path htpasswd = dir.resolve("htpasswd");
        StringBuilder lines = new StringBuilder();
        users.forEach((u, p) -> lines.append(u).append(':').append(org.springframework.security.crypto.bcrypt.BCrypt
                .hashpw(p, org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4))).append('\n'));
        Files.writeString(htpasswd, lines);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        connector.open();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        Map<String, Object> section = new java.util.LinkedHashMap<>(Map.of(
                "htpasswd", Map.of("realm", "strata", "path", htpasswd.toString()),
                "token", Map.of("service", SERVICE, "issuer", ISSUER), "access", access));
        if (anonymousPull) {
            section.put("anonymous", "pull");
        }
        RegistryAuth auth = RegistryAuth.create(AuthConfig.fromMap(section).withStateDirectory(dir.resolve("state")),
                base, clock, new SecureRandom());
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from(auth.tokenPath()), auth.tokenEndpoint().orElseThrow());
        server.setHandler(routes);
        server.start();
        certificate = dir.resolve("state/auth/token.crt");
    }

    String realm() {
        return base + "/auth/token";
    }

    /** The {@code auth:} section of a Strata registry that takes this service's tokens. */
    Map<String, Object> registryAuth() {
        return Map.of("token", Map.of("realm", realm(), "service", SERVICE, "issuer", ISSUER,
                "rootcertbundle", certificate.toString(), "serve", false));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
