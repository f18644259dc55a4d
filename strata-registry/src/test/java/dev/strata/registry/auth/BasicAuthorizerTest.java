package dev.strata.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Decision;
import dev.strata.registry.auth.Authorizer.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicAuthorizerTest {
    @TempDir
    Path dir;

    private Htpasswd htpasswd;

    @BeforeEach
    void accounts() {
        Path file = dir.resolve("htpasswd");
        Fixtures.htpasswd(file, "alice", "pw-alice");
        Fixtures.htpasswd(file, "bob", "pw-bob");
        htpasswd = new Htpasswd(file);
    }

    private BasicAuthorizer authorizer(boolean anonymousPull) {
        return new BasicAuthorizer(htpasswd, Permissions.of(List.of(
                AccessRule.repository("*", "${account}/*", Action.PULL, Action.PUSH, Action.DELETE),
                AccessRule.repository("*", "*", Action.PULL)), anonymousPull), "strata test");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKnownAccountWithItsPasswordMayDoWhatTheRulesGrant() {
        var authorizer = authorizer(false);

        assertThat(authorizer.authorize(basic("alice", "pw-alice"), Scope.repository("alice/app", Action.PUSH)))
                .isEqualTo(new Decision.Allowed("alice"));
        assertThat(authorizer.authorize(basic("alice", "pw-alice"), Scope.BASE))
                .isEqualTo(new Decision.Allowed("alice"));
    }

    @Test
    void missingWrongAndUnknownCredentialsGet401WithABasicChallenge() {
        var authorizer = authorizer(false);
        var expected = new Decision.Denied(401, "UNAUTHORIZED", "invalid user name or password",
                Optional.of("Basic realm=\"strata test\""));

        assertThat(authorizer.authorize(basic("alice", "wrong"), Scope.BASE)).isEqualTo(expected);
        assertThat(authorizer.authorize(basic("mallory", "pw-alice"), Scope.BASE)).isEqualTo(expected);
        assertThat(authorizer.authorize(null, Scope.repository("alice/app", Action.PULL)))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> {
                    assertThat(d.status()).isEqualTo(401);
                    assertThat(d.challenge()).contains("Basic realm=\"strata test\"");
                });
        assertThat(authorizer.authorize("Bearer abc", Scope.BASE))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.status()).isEqualTo(401));
    }

    @Test
    void aKnownAccountWithoutThePermissionGets403Denied() {
        assertThat(authorizer(false).authorize(basic("bob", "pw-bob"), Scope.repository("alice/app", Action.PUSH)))
                .isEqualTo(new Decision.Denied(403, "DENIED", "requested access to the resource is denied",
                        Optional.empty()));
    }

    @Test
    void anonymousPullNeedsNoCredentialsButTheBaseEndpointStillChallenges() {
        var authorizer = authorizer(true);

        assertThat(authorizer.authorize(null, Scope.repository("alice/app", Action.PULL)))
                .isEqualTo(new Decision.Allowed("anonymous"));
        assertThat(authorizer.authorize(basic("", ""), Scope.repository("alice/app", Action.PULL)))
                .as("Basic Og== is how some clients say they have no credentials")
                .isEqualTo(new Decision.Allowed("anonymous"));
        assertThat(authorizer.authorize(null, Scope.repository("alice/app", Action.PUSH)))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.status()).isEqualTo(401));
        assertThat(authorizer.authorize(null, Scope.BASE))
                .isInstanceOfSatisfying(Decision.Denied.class, d -> assertThat(d.status()).isEqualTo(401));
    }
}
