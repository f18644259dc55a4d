package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Decision;
import dev.strata.registry.auth.Authorizer.Scope;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token service in a Jetty server on loopback, in front of a stand-in for the registry's routes that asks the
 * same {@link Authorizer}: a client follows the challenge to the realm, as Docker does.
 */
class TokenServiceHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    private Server server;
    private URI base;
    private Path htpasswd;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        htpasswd = dir.resolve("htpasswd");
        Fixtures.htpasswd(htpasswd, "alice", "pw-alice");
        Fixtures.htpasswd(htpasswd, "bob", "pw-bob");
        server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        connector.open();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        AuthConfig config = AuthConfig.fromMap(Map.of(
                "htpasswd", Map.of("realm", "strata test", "path", htpasswd.toString()),
                "token", Map.of("service", "registry.test", "issuer", "strata"),
                "anonymous", "pull",
                "access", java.util.List.of(
                        Map.of("account", "*", "name", "${account}/*", "actions", java.util.List.of("pull", "push")),
                        Map.of("account", "*", "name", "*", "actions", java.util.List.of("pull")))))
                .withStateDirectory(dir.resolve("storage"));
        RegistryAuth auth = RegistryAuth.create(config, base);
        var routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from(auth.tokenPath()), auth.tokenEndpoint().orElseThrow());
        routes.addMapping(PathSpec.from("/"), new Routes(auth.authorizer()));
        server.setHandler(routes);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void anonymousClientsFollowTheChallengeAndGetAPullOnlyToken() throws Exception {
        HttpResponse<String> ping = send("GET", "/v2/", null);
        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"" + base + "/auth/token\",service=\"registry.test\"");

        HttpResponse<String> pull = send("GET", "/v2/library/busybox/tags/list", null);
        Map<String, String> challenge = challenge(pull);
        assertThat(challenge).containsEntry("scope", "repository:library/busybox:pull");
        JsonNode token = json(get(challenge, null));

        assertThat(token.path("expires_in").asInt()).isEqualTo(300);
        assertThat(token.path("token").asText()).isEqualTo(token.path("access_token").asText());
        assertThat(Instant.parse(token.path("issued_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(token.has("refresh_token")).isFalse();
        assertThat(send("GET", "/v2/library/busybox/tags/list", bearer(token)).body()).isEqualTo("anonymous");
        assertThat(send("GET", "/v2/", bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> push = send("PUT", "/v2/library/busybox/manifests/latest", bearer(token));
        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow())
                .endsWith("scope=\"repository:library/busybox:pull,push\",error=\"insufficient_scope\"");
    }

    @Test
    void anAccountGetsWhatItAsksForCutDownToItsPermissions() throws Exception {
        Map<String, String> challenge = challenge(send("PUT", "/v2/alice/app/manifests/v1", null));
        JsonNode own = json(get(challenge, BasicAuthorizerTest.basic("alice", "pw-alice")));
        assertThat(send("PUT", "/v2/alice/app/manifests/v1", bearer(own)).body()).isEqualTo("alice");

        challenge.put("scope", "repository:bob/app:pull,push");
        JsonNode other = json(get(challenge, BasicAuthorizerTest.basic("alice", "pw-alice")));
        assertThat(other.path("scope").asText()).isEqualTo("repository:bob/app:pull");
        assertThat(send("GET", "/v2/bob/app/tags/list", bearer(other)).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/v2/bob/app/manifests/v1", bearer(other)).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsAreRefusedWithABasicChallenge() throws Exception {
        Map<String, String> challenge = challenge(send("GET", "/v2/", null));

        HttpResponse<String> refused = get(challenge, BasicAuthorizerTest.basic("alice", "wrong"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"strata test\"");
        assertThat(json(refused).path("errors").get(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
        challenge.put("service", "elsewhere");
        assertThat(get(challenge, BasicAuthorizerTest.basic("alice", "pw-alice")).statusCode()).isEqualTo(400);
    }

    @Test
    void theOAuth2FormGivesARefreshTokenThatAPasswordChangeRevokes() throws Exception {
        HttpResponse<String> login = post(Map.of("grant_type", "password", "username", "alice",
                "password", "pw-alice", "service", "registry.test", "client_id", "docker", "access_type", "offline",
                "scope", "repository:alice/app:pull,push repository:library/busybox:pull"));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokens = json(login);
        assertThat(tokens.path("scope").asText())
                .isEqualTo("repository:alice/app:pull,push repository:library/busybox:pull");
        String refresh = tokens.path("refresh_token").asText();
        assertThat(refresh).isNotEmpty();

        HttpResponse<String> refreshed = post(Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "service", "registry.test", "client_id", "docker", "scope", "repository:alice/app:pull,push"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/v2/alice/app/blobs/uploads/", bearer(json(refreshed))).body()).isEqualTo("alice");

        Fixtures.htpasswd(htpasswd, "alice", "changed");
        Files.setLastModifiedTime(htpasswd, FileTime.from(Instant.now().plusSeconds(5)));
        HttpResponse<String> revoked = post(Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "service", "registry.test", "client_id", "docker"));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json(revoked).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(post(Map.of("grant_type", "password", "username", "alice", "password", "pw-alice"))
                .statusCode()).isEqualTo(401);
        assertThat(post(Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(400);
    }

    @Test
    void getWithOfflineTokenGivesAnAuthenticatedClientARefreshToken() throws Exception {
        Map<String, String> challenge = challenge(send("GET", "/v2/", null));
        challenge.put("offline_token", "true");

        assertThat(json(get(challenge, BasicAuthorizerTest.basic("bob", "pw-bob"))).path("refresh_token").asText())
                .isNotEmpty();
        assertThat(json(get(challenge, null)).has("refresh_token")).as("not for anonymous").isFalse();
    }

    private HttpResponse<String> get(Map<String, String> challenge, String authorization) throws Exception {
        String query = challenge.entrySet().stream().filter(e -> !e.getKey().equals("realm"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(challenge.get("realm") + "?" + query));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve("/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> challenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        String header = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(header).startsWith("Bearer ");
        var parameters = new LinkedHashMap<String, String>();
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2));
        }
        return parameters;
    }

    private static String bearer(JsonNode token) {
        return "Bearer " + token.path("token").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return JSON.readTree(response.body());
    }

    /** The registry's routes reduced to the scope each needs; answers the subject, or the refusal. */
    private static final class Routes extends Handler.Abstract {
        private final Authorizer authorizer;

        Routes(Authorizer authorizer) {
            this.authorizer = authorizer;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            Scope scope;
            if (path.equals("/v2/")) {
                scope = Scope.BASE;
            } else {
                String name = path.substring(4).replaceAll("/(tags|manifests|blobs)/.*$", "");
                scope = request.getMethod().equals("GET") ? Scope.repository(name, Action.PULL)
                        : Scope.repository(name, Action.PULL, Action.PUSH);
            }
            Decision decision = authorizer.authorize(request.getHeaders().get(HttpHeader.AUTHORIZATION), scope);
            String body = switch (decision) {
                case Decision.Allowed allowed -> allowed.subject();
                case Decision.Denied denied -> {
                    response.setStatus(denied.status());
                    denied.challenge().ifPresent(c -> response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, c));
                    yield denied.code();
                }
            };
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
