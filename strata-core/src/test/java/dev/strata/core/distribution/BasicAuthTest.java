package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, push and pull against the CNCF registry behind htpasswd Basic auth. */
@Tag("root")
class BasicAuthTest {
    @TempDir
    Path dir;

    RegistryServer registry;
    RegistrySettings settings;

    @BeforeEach
    void start() throws Exception {
        Process p = new ProcessBuilder("htpasswd", "-Bbn", "alice", "s3cret").redirectErrorStream(true).start();
        String line = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as("htpasswd (Debian's apache2-utils): %s", line).isZero();
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, line + "\n");
        registry = RegistryServer.start(dir.resolve("registry"), """
                auth:
                  htpasswd:
                    realm: test-realm
                    path: %s
                """.formatted(htpasswd));
        settings = Fixtures.settings(dir);
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    @Test
    void wrongCredentialsAreRefusedAndNothingIsStored() {
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            assertThatThrownBy(() -> engine.login(registry.host(), AuthConfig.basic("alice", "wrong"), settings))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("unauthorized: incorrect username or password");
        }
        assertThat(settings.dockerConfig()).doesNotExist();
    }

    @Test
    void pushNeedsALoginAndThenRoundTrips() throws Exception {
        String name = registry.host() + "/alice/app:v1";
        Digest id;
        try (Engine engine = Fixtures.engine(dir.resolve("a"))) {
            id = Fixtures.importImage(engine, Fixtures.rootfs("auth", 4096), name);
            assertThatThrownBy(() -> engine.push(new PushRequest(name, false, settings), ProgressListener.NONE))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("unauthorized: ")
                    .hasMessageContaining("strata login " + registry.host());
            var login = engine.login(registry.host(), AuthConfig.basic("alice", "s3cret"), settings);
            assertThat(login.storedInFile()).isTrue();
            assertThat(Files.readString(settings.dockerConfig())).contains(registry.host());
            engine.push(new PushRequest(name, false, settings), ProgressListener.NONE);
        }
        try (Engine engine = Fixtures.engine(dir.resolve("b"))) {
            var pulled = engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE);
            assertThat(pulled.getFirst().imageId()).isEqualTo(id);
            assertThat(engine.logout(registry.host(), settings)).isTrue();
            assertThatThrownBy(() -> engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("pull access denied for " + registry.host() + "/alice/app");
        }
    }
}
