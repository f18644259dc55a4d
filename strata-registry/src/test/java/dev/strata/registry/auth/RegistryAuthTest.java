package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Decision;
import dev.strata.registry.auth.Authorizer.Scope;
import dev.strata.registry.auth.jose.SigningKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthTest {
    private static final URI BASE = URI.create("http://127.0.0.1:5000/");

    @TempDir
    Path dir;

    @Test
    void withoutAuthenticationEverythingIsAllowed() {
        RegistryAuth auth = RegistryAuth.create(AuthConfig.NONE, BASE);

        assertThat(auth.authorizer()).isSameAs(Authorizer.ALLOW_ALL);
        assertThat(auth.tokenEndpoint()).isEmpty();
    }

    @Test
    void htpasswdAloneMeansBasicAndNoTokenService() {
        Path htpasswd = dir.resolve("htpasswd");
        Fixtures.htpasswd(htpasswd, "alice", "pw");

        RegistryAuth auth = RegistryAuth.create(AuthConfig.builder().htpasswd(htpasswd).build(), BASE);

        assertThat(auth.tokenEndpoint()).isEmpty();
        assertThat(auth.authorizer().authorize(BasicAuthorizerTest.basic("alice", "pw"),
                Scope.repository("x", Action.PUSH))).isEqualTo(new Decision.Allowed("alice"));
    }

    @Test
    void aGeneratedKeyIsKeptInTheStorageSoTokensOutliveARestart() throws Exception {
        AuthConfig config = AuthConfig.builder().token("registry.test", "strata").stateDirectory(dir).build();

        RegistryAuth first = RegistryAuth.create(config, BASE);
        Path key = dir.resolve("auth/token.key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.tokenEndpoint()).isPresent();
        assertThat(first.tokenPath()).isEqualTo("/auth/token");
        SigningKey stored = SigningKey.fromPem(Files.readString(key),
                Optional.of(Files.readString(dir.resolve("auth/token.crt"))), Instant.now(), new SecureRandom());
        String token = new TokenIssuer(stored, "strata", "registry.test", Duration.ofMinutes(1), Duration.ofDays(1),
                Clock.systemUTC(), new SecureRandom()).issue(Optional.of("alice"), List.of()).token();

        RegistryAuth second = RegistryAuth.create(config, BASE);

        assertThat(Files.readString(key)).isEqualTo(stored.privateKeyPem());
        assertThat(second.authorizer().authorize("Bearer " + token, Scope.BASE))
                .isEqualTo(new Decision.Allowed("alice"));
        assertThat(second.authorizer().authorize(null, Scope.BASE))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.challenge()).contains(
                        "Bearer realm=\"http://127.0.0.1:5000/auth/token\",service=\"registry.test\""));
    }

    @Test
    void anExternalTokenServerIsTrustedThroughItsCertificate() throws Exception {
        SigningKey external = Fixtures.key(Instant.now());
        Path bundle = dir.resolve("ca.pem");
        Files.writeString(bundle, external.certificatePem());
        AuthConfig config = AuthConfig.builder().token("registry.test", "auth.example")
                .tokenRealm(URI.create("https://auth.example/token")).tokenRootCertBundle(bundle).build();
        String token = new TokenIssuer(external, "auth.example", "registry.test", Duration.ofMinutes(1),
                Duration.ofDays(1), Clock.systemUTC(), new SecureRandom())
                .issue(Optional.of("eve"), List.of(new TokenClaims.AccessEntry("repository", "x", List.of("pull"))))
                .token();

        RegistryAuth auth = RegistryAuth.create(config, BASE);

        assertThat(auth.tokenEndpoint()).isEmpty();
        assertThat(auth.authorizer().authorize("Bearer " + token, Scope.repository("x", Action.PULL)))
                .isEqualTo(new Decision.Allowed("eve"));
        assertThat(auth.authorizer().authorize(null, Scope.BASE)).isInstanceOfSatisfying(Decision.Denied.class,
                d -> assertThat(d.challenge().orElseThrow()).startsWith("Bearer realm=\"https://auth.example/token\""));
    }

    @Test
    void anUnreadableKeyOrBundleIsAConfigurationError() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a key");

        assertThatThrownBy(() -> RegistryAuth.create(AuthConfig.builder().token("s", "i")
                .tokenSigningKey(junk, Optional.empty()).build(), BASE))
                .isInstanceOf(StrataException.class).hasMessageContaining("cannot use token signing key");
        assertThatThrownBy(() -> RegistryAuth.create(AuthConfig.builder().token("s", "i")
                .tokenRealm(URI.create("https://a/t")).tokenRootCertBundle(junk).build(), BASE))
                .isInstanceOf(StrataException.class).hasMessageContaining("cannot read token rootcertbundle");
    }
}
