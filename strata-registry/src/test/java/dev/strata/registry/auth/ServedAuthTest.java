package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.registry.AuthWiring;
import dev.strata.registry.RegistrySettings;
import dev.strata.registry.TestRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served registry with auth switched on the way {@code strata registry serve} does it (flags through
 * {@link AuthWiring}): Basic with an htpasswd file, and the built-in token service, each used over HTTP and by skopeo.
 */
class ServedAuthTest {
    @TempDir
    Path dir;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private TestRegistry serve(boolean token) {
        Path htpasswd = dir.resolve("htpasswd");
        Fixtures.htpasswd(htpasswd, "alice", "secret");
        Map<String, Object> auth = AuthWiring.withFlags(Map.of(), Optional.of(htpasswd), false, token);
        return new TestRegistry(RegistrySettings.defaults(dir.resolve("storage")).withAddress("127.0.0.1:0").withAuth(auth));
    }

    @Test
    void basicAuthChallengesAndAdmitsTheHtpasswdUser() {
        try (TestRegistry registry = serve(false)) {
            HttpResponse<byte[]> anonymous = registry.get("/v2/");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("\"UNAUTHORIZED\"");
            assertThat(registry.get("/v2/", "Authorization", basic("alice", "wrong")).statusCode()).isEqualTo(401);
            assertThat(registry.get("/v2/", "Authorization", basic("alice", "secret")).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> upload = registry.send("POST", "/v2/alice/app/blobs/uploads/", null,
                    "Authorization", basic("alice", "secret"));
            assertThat(upload.statusCode()).isEqualTo(202);
        }
    }

    @Test
    void tokenModeSendsClientsToItsOwnRealmAndHonoursTheScope() throws Exception {
        try (TestRegistry registry = serve(true)) {
            HttpResponse<byte[]> challenge = registry.get("/v2/alice/app/tags/list");
            assertThat(challenge.statusCode()).isEqualTo(401);
            String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
            String realm = registry.uri("/auth/token").toString();
            assertThat(header).startsWith("Bearer realm=\"" + realm + "\"").contains("scope=\"repository:alice/app:pull\"");

            HttpResponse<byte[]> issued = registry.get("/auth/token?service=strata-registry&scope=repository:alice/app:pull,push",
                    "Authorization", basic("alice", "secret"));
            assertThat(issued.statusCode()).isEqualTo(200);
            String token = new ObjectMapper().readTree(issued.body()).get("token").asText();
            assertThat(registry.send("POST", "/v2/alice/app/blobs/uploads/", null, "Authorization", "Bearer " + token)
                    .statusCode()).isEqualTo(202);
            HttpResponse<byte[]> elsewhere = registry.send("POST", "/v2/bob/app/blobs/uploads/", null,
                    "Authorization", "Bearer " + token);
            assertThat(elsewhere.statusCode()).isEqualTo(401);
            assertThat(elsewhere.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).contains("error=\"insufficient_scope\""));
        }
    }

    @Test
    void skopeoPushesThroughTheTokenFlowWithCredentialsAndIsRefusedWithout() throws Exception {
        Path layout = OciLayouts.tiny(dir.resolve("layout"));
        try (TestRegistry registry = serve(true)) {
            String target = "docker://127.0.0.1:" + registry.server.port() + "/alice/app:v1";
            Fixtures.run(List.of("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "alice:secret",
                    "oci:" + layout + ":v1", target));
            String inspected = Fixtures.run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false", "--creds",
                    "alice:secret", target));
            assertThat(inspected).contains("\"schemaVersion\":2");
            assertThatThrownBy(() -> Fixtures.run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false", target)))
                    .hasMessageContaining("unauthorized");
        }
    }
}
