package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.registry.auth.Authorizer.Action;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthConfigTest {
    @Test
    void durationsAreGoDurationsOrSecondsAsInTheRestOfTheConfig() {
        for (var c : Map.of("1h30m", Duration.ofMinutes(90), "300", Duration.ofSeconds(300), "1.5h", Duration.ofMinutes(90))
                .entrySet()) {
            AuthConfig config = AuthConfig.fromMap(Map.of("token", Map.of("service", "s", "issuer", "i", "expiration",
                    c.getKey())));
            assertThat(config.token().orElseThrow().expiration()).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void readsDistributionsSectionsAndOurAdditions() {
        Map<String, Object> section = Map.of(
                "htpasswd", Map.of("realm", "My Registry", "path", "/etc/strata/htpasswd"),
                "token", Map.of("service", "registry.example", "issuer", "strata", "expiration", "10m",
                        "rootcertbundle", "/etc/strata/ca.pem", "path", "/token"),
                "anonymous", "pull",
                "access", List.of(
                        Map.of("account", "admin", "type", "registry", "name", "catalog", "actions", List.of("*")),
                        Map.of("account", "*", "name", "${account}/*", "actions", List.of("pull", "push", "delete"))));

        AuthConfig config = AuthConfig.fromMap(section);

        assertThat(config.htpasswd()).contains(new AuthConfig.HtpasswdSettings("My Registry",
                Path.of("/etc/strata/htpasswd")));
        AuthConfig.TokenSettings token = config.token().orElseThrow();
        assertThat(token.service()).isEqualTo("registry.example");
        assertThat(token.issuer()).isEqualTo("strata");
        assertThat(token.expiration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(token.rootCertBundle()).contains(Path.of("/etc/strata/ca.pem"));
        assertThat(token.path()).isEqualTo("/token");
        assertThat(token.serve()).as("no realm: we issue").isTrue();
        assertThat(config.anonymousPull()).isTrue();
        assertThat(config.access()).containsExactly(
                new AccessRule("admin", "registry", "catalog", Set.of(Action.ALL)),
                AccessRule.repository("*", "${account}/*", Action.PULL, Action.PUSH, Action.DELETE));
    }

    @Test
    void aDistributionTokenSectionWithAnExternalRealmOnlyVerifies() {
        var token = new HashMap<String, Object>(Map.of("realm", "https://auth.example/token",
                "service", "registry.example", "issuer", "auth.example", "rootcertbundle", "/ca.pem",
                "autoredirect", false));

        AuthConfig config = AuthConfig.fromMap(Map.of("token", token));

        assertThat(config.token().orElseThrow().serve()).isFalse();
        assertThat(config.token().orElseThrow().realm()).contains(URI.create("https://auth.example/token"));
        token.remove("rootcertbundle");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("token", token))).hasMessageContaining("rootcertbundle");
    }

    @Test
    void mistakesAreNamedByTheirPath() {
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("htpasswd", Map.of("realm", "x", "pth", "/f"))))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("cannot read the registry's auth configuration: auth.htpasswd.pth is not a known");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("token", Map.of("issuer", "x"))))
                .hasMessageContaining("auth.token.service is required");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("htpasswd", Map.of("path", "/f"),
                "access", List.of(Map.of("account", "a", "name", "n", "actions", List.of("write"))))))
                .hasMessageContaining("auth.access[0].actions: unknown action write");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("silly", Map.of())))
                .hasMessageContaining("auth.silly is not a known setting");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("anonymous", "pull")))
                .hasMessageContaining("need htpasswd or token");
        assertThatThrownBy(() -> AuthConfig.fromMap(Map.of("token", Map.of("service", "s", "issuer", "i",
                "expiration", "soon")))).hasMessageContaining("auth.token.expiration must be a duration");
    }

    @Test
    void anEmptyOrMissingSectionMeansNoAuthentication() {
        assertThat(AuthConfig.fromMap(null)).isEqualTo(AuthConfig.NONE);
        assertThat(AuthConfig.fromMap(Map.of())).isEqualTo(AuthConfig.NONE);
    }

    @Test
    void theBuilderTakesWhatTheCommandLineGives() {
        AuthConfig config = AuthConfig.builder()
                .htpasswd(Path.of("/srv/htpasswd"))
                .anonymousPull(true)
                .token("127.0.0.1:5000", "strata")
                .stateDirectory(Path.of("/srv/registry"))
                .build();

        assertThat(config.htpasswd().orElseThrow().realm()).isEqualTo(AuthConfig.DEFAULT_REALM);
        assertThat(config.token().orElseThrow().path()).isEqualTo(AuthConfig.DEFAULT_TOKEN_PATH);
        assertThat(config.token().orElseThrow().expiration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.stateDirectory()).contains(Path.of("/srv/registry"));
        assertThat(AuthConfig.builder().htpasswd(Path.of("/h")).build().withStateDirectory(Path.of("/s"))
                .stateDirectory()).isEqualTo(Optional.of(Path.of("/s")));
        assertThatThrownBy(() -> AuthConfig.builder().token("svc", null).build())
                .hasMessageContaining("both a service and an issuer");
    }
}
