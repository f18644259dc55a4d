package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login, push and pull through Strata's registry in token mode ({@code --htpasswd F --auth-token}): Docker's
 * messages for wrong credentials and refused pushes, and anonymous pulls.
 */
@Tag("root")
class TokenFlowTest {
    /** Each account may push to its own namespace; with anonymous pull everyone may pull everything. */
    static final Map<String, Object> OWN_NAMESPACE = Map.of("access", List.of(
            Map.of("account", "*", "name", "${account}/*", "actions", List.of("pull", "push"))));

    @TempDir
    Path dir;

    private StrataRunner strata(String store, String dockerConfig) {
        return new StrataRunner(dir.resolve(store)).withEnv(Map.of("DOCKER_CONFIG", dir.resolve(dockerConfig).toString(),
                "STRATA_DAEMON_CONFIG", dir.resolve("none.json").toString()));
    }

    private static String id(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }

    @Test
    void loginPushAndPullWithTokensAndDockersOneLinersWhenRefused() throws Exception {
        try (LocalRegistry registry = LocalRegistry.tokens(dir, Map.of("alice", "secret", "bob", "hunter2"), true,
                OWN_NAMESPACE)) {
            String name = registry.host() + "/alice/app:1";
            StrataRunner alice = strata("a", "alice-docker");
            alice.ok("import", TestImages.filesTar(dir, "app.tar", Map.of("app", "1")).toString(), name);

            var anonymous = alice.run("push", name);
            assertThat(anonymous.exitCode()).isEqualTo(1);
            assertThat(anonymous.err()).startsWith("Error: unauthorized: ").endsWith("(run `strata login "
                    + registry.host() + "` as a user allowed to push to " + registry.host() + "/alice/app)\n")
                    .hasLineCount(1);

            var wrong = alice.runWithInput("nope\n".getBytes(), "login", "-u", "alice", "--password-stdin",
                    registry.host());
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err()).isEqualTo("Error: unauthorized: incorrect username or password\n");
            assertThat(dir.resolve("alice-docker/config.json")).doesNotExist();

            var login = alice.runWithInput("alice\nsecret\n".getBytes(), "login", registry.host());
            assertThat(login.out()).isEqualTo("Username: Password: Login Succeeded\n");
            alice.ok("push", name);

            StrataRunner bob = strata("b", "bob-docker");
            bob.ok("login", "-u", "bob", "-p", "hunter2", registry.host());
            bob.ok("import", TestImages.filesTar(dir, "bob.tar", Map.of("bob", "1")).toString(), name);
            var denied = bob.run("push", name);
            assertThat(denied.exitCode()).isEqualTo(1);
            assertThat(denied.err()).hasLineCount(1).contains("strata login " + registry.host())
                    .containsAnyOf("denied", "unauthorized");

            StrataRunner nobody = strata("c", "nobody-docker");
            nobody.ok("pull", name);
            assertThat(id(nobody, name)).isEqualTo(id(alice, name));
            var missing = nobody.run("pull", registry.host() + "/alice/none:1");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).hasLineCount(1);
        }
    }

    @Test
    void withoutAnonymousPullAPullNeedsALogin() throws Exception {
        try (LocalRegistry registry = LocalRegistry.tokens(dir, Map.of("alice", "secret"), false, Map.of())) {
            var pull = strata("a", "docker").run("pull", registry.host() + "/alice/app:1");
            assertThat(pull.exitCode()).isEqualTo(1);
            assertThat(pull.err()).isEqualTo("Error: pull access denied for " + registry.host() + "/alice/app, "
                    + "repository does not exist or may require 'docker login': unauthorized: authentication required\n");
        }
    }
}
