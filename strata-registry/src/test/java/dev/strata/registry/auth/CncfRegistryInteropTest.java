package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real peer: the CNCF registry (Debian's {@code docker-registry}, 2.8) on loopback, configured with
 * {@code auth: token:} whose realm is our token service and whose {@code rootcertbundle} is our generated
 * certificate, accepts our tokens and refuses expired, insufficient and foreign ones.
 */
class CncfRegistryInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.now());
    private Server tokenServer;
    private URI tokenBase;
    private Process registry;
    private URI registryBase;

    @BeforeEach
    void start() throws Exception {
        Path htpasswd = dir.resolve("htpasswd");
        Fixtures.htpasswd(htpasswd, "alice", "pw-alice");
        Fixtures.htpasswd(htpasswd, "admin", "pw-admin");
        tokenServer = new Server();
        var connector = new ServerConnector(tokenServer);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        tokenServer.addConnector(connector);
        connector.open();
        tokenBase = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        AuthConfig config = AuthConfig.fromMap(Map.of(
                "htpasswd", Map.of("realm", "strata", "path", htpasswd.toString()),
                "token", Map.of("service", "registry.test", "issuer", "strata"),
                "access", List.of(
                        Map.of("account", "admin", "type", "registry", "name", "catalog", "actions", List.of("*")),
                        Map.of("account", "*", "name", "${account}/*", "actions", List.of("pull", "push")))))
                .withStateDirectory(dir.resolve("strata"));
        RegistryAuth auth = RegistryAuth.create(config, tokenBase, clock, new SecureRandom());
        var routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from(auth.tokenPath()), auth.tokenEndpoint().orElseThrow());
        tokenServer.setHandler(routes);
        tokenServer.start();

        int port = freePort();
        registryBase = URI.create("http://127.0.0.1:" + port);
        Path registryConfig = dir.resolve("config.yml");
        Files.writeString(registryConfig, """
                version: 0.1
                log: {level: info}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: "127.0.0.1:%d"}
                auth:
                  token:
                    realm: %s/auth/token
                    service: registry.test
                    issuer: strata
                    rootcertbundle: %s
                """.formatted(dir.resolve("registry"), port, tokenBase, dir.resolve("strata/auth/token.crt")));
        registry = new ProcessBuilder("docker-registry", "serve", registryConfig.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        awaitRegistry();
    }

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.destroy();
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        tokenServer.stop();
    }

    @Test
    void theRegistryChallengesWithOurRealmAndAcceptsOurToken() throws Exception {
        HttpResponse<String> ping = send("GET", "/v2/", null);
        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"" + tokenBase + "/auth/token\",service=\"registry.test\"");

        String token = token("alice", "pw-alice", "repository:alice/app:pull,push");

        assertThat(send("GET", "/v2/", token).statusCode()).as(log()).isEqualTo(200);
        HttpResponse<String> upload = send("POST", "/v2/alice/app/blobs/uploads/", token);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        assertThat(send("GET", "/v2/alice/app/tags/list", token).statusCode()).as("authorized, but nothing there")
                .isEqualTo(404);
    }

    @Test
    void theRegistryRefusesATokenThatDoesNotCoverThePush() throws Exception {
        String token = token("alice", "pw-alice", "repository:bob/app:pull,push");

        HttpResponse<String> upload = send("POST", "/v2/bob/app/blobs/uploads/", token);

        assertThat(upload.statusCode()).isEqualTo(401);
        // the registry lists the actions in no fixed order (a Go map)
        assertThat(upload.headers().firstValue("WWW-Authenticate").orElseThrow())
                .containsPattern("scope=\"repository:bob/app:(pull,push|push,pull)\"")
                .contains("error=\"insufficient_scope\"");
    }

    @Test
    void theCatalogTakesAnAdminsToken() throws Exception {
        assertThat(send("GET", "/v2/_catalog", token("admin", "pw-admin", "registry:catalog:*")).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/v2/_catalog", token("alice", "pw-alice", "registry:catalog:*")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theRegistryRefusesAnExpiredToken() throws Exception {
        clock.advance(Duration.ofMinutes(-10));
        String token = token("alice", "pw-alice", "repository:alice/app:pull");

        HttpResponse<String> response = send("GET", "/v2/alice/app/tags/list", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void theRegistryFindsOurKeyByItsLibtrustKeyIdToo() throws Exception {
        var key = dev.strata.registry.auth.jose.SigningKey.fromPem(
                Files.readString(dir.resolve("strata/auth/token.key")),
                java.util.Optional.of(Files.readString(dir.resolve("strata/auth/token.crt"))), Instant.now(),
                new SecureRandom());
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"strata\",\"sub\":\"alice\",\"aud\":\"registry.test\",\"exp\":" + (now + 60)
                + ",\"nbf\":" + now + ",\"iat\":" + now + ",\"jti\":\"kid-test\",\"access\":[{\"type\":\"repository\","
                + "\"name\":\"alice/app\",\"actions\":[\"pull\"]}]}";

        assertThat(send("GET", "/v2/alice/app/tags/list", TokenVerifierTest.kidOnly(key, key.keyId(), claims))
                .statusCode()).as(log()).isEqualTo(404);
        assertThat(send("GET", "/v2/alice/app/tags/list", TokenVerifierTest.kidOnly(key, "AAAA:" + key.keyId()
                .substring(5), claims)).statusCode()).isEqualTo(401);
    }

    @Test
    void skopeoPushesAndInspectsThroughTheRegistryWithTokensFromOurService() throws Exception {
        Path layout = OciLayouts.tiny(dir.resolve("layout"));
        String host = registryBase.getAuthority();

        skopeo(0, "copy", "--dest-creds", "alice:pw-alice", "--dest-tls-verify=false", "oci:" + layout + ":v1",
                "docker://" + host + "/alice/app:v1");
        String inspected = skopeo(0, "inspect", "--creds", "alice:pw-alice", "--tls-verify=false",
                "docker://" + host + "/alice/app:v1");

        assertThat(JSON.readTree(inspected).path("Digest").asText()).startsWith("sha256:");
        assertThat(skopeo(1, "copy", "--dest-creds", "alice:pw-alice", "--dest-tls-verify=false",
                "oci:" + layout + ":v1", "docker://" + host + "/bob/app:v1")).containsIgnoringCase("denied");
        assertThat(skopeo(1, "inspect", "--creds", "alice:wrong", "--tls-verify=false",
                "docker://" + host + "/alice/app:v1")).containsIgnoringCase("unauthorized");
    }

    private String skopeo(int expectedExit, String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of("skopeo", "--registries-conf", "/dev/null"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("skopeo did not finish");
        }
        assertThat(process.exitValue()).as("%s: %s%n%s", command, output, log()).isEqualTo(expectedExit);
        return output;
    }

    private String token(String user, String password, String scope) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(tokenBase + "/auth/token?service=registry.test&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .header("Authorization", BasicAuthorizerTest.basic(user, password)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + JSON.readTree(response.body()).path("token").asText();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(registryBase.resolve(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization.startsWith("Bearer ") ? authorization
                    : "Bearer " + authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no registry log: " + e.getMessage() + ")";
        }
    }

    private void awaitRegistry() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!registry.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + log());
            }
            try {
                send("GET", "/v2/", null);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("docker-registry did not start: " + log());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
