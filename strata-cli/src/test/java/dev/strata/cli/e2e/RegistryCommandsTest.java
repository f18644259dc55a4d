package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry verbs' command lines, without a registry: flags, Docker's messages, config.json handling. */
class RegistryCommandsTest {
    @TempDir
    Path dir;

    private StrataRunner strata() {
        return new StrataRunner(dir.resolve("root")).withEnv(Map.of("DOCKER_CONFIG", dir.resolve("docker").toString(),
                "STRATA_DAEMON_CONFIG", dir.resolve("none.json").toString()));
    }

    @Test
    void logoutOfAServerNeverLoggedInToSaysSoAndSucceeds() {
        var result = strata().run("logout", "localhost:5000");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Not logged in to localhost:5000\n");
        assertThat(strata().run("logout").out()).isEqualTo("Not logged in to https://index.docker.io/v1/\n");
    }

    @Test
    void logoutRemovesTheEntryAndKeepsTheRestOfConfigJson() throws Exception {
        Path config = Files.createDirectories(dir.resolve("docker")).resolve("config.json");
        Files.writeString(config, "{\"auths\":{\"localhost:5000\":{\"auth\":\"YTpi\"}},\"psFormat\":\"table {{.ID}}\"}");
        var result = strata().run("logout", "localhost:5000");
        assertThat(result.out()).isEqualTo("Removing login credentials for localhost:5000\n");
        assertThat(Files.readString(config)).doesNotContain("localhost:5000").contains("psFormat");
    }

    @Test
    void passwordStdinNeedsAUsernameAndPasswordOnTheCommandLineIsWarnedAbout() {
        var stdin = strata().runWithInput("pw\n".getBytes(), "login", "--password-stdin", "localhost:1");
        assertThat(stdin.exitCode()).isEqualTo(1);
        assertThat(stdin.err()).contains("Must provide --username with --password-stdin");
        var cli = strata().run("login", "-u", "a", "-p", "b", "127.0.0.1:1");
        assertThat(cli.err()).contains("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines().filter(l -> l.startsWith("Error: "))).hasSize(1);
    }

    @Test
    void malformedReferencesFailInOneLineWithoutTouchingTheStore() {
        var pull = strata().run("pull", "bad//name");
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.err()).startsWith("Error: invalid reference format");
        var push = strata().run("push", "nothing/here:1");
        assertThat(push.exitCode()).isEqualTo(1);
        assertThat(push.err()).isEqualTo("Error: An image does not exist locally with the tag: nothing/here\n");
        assertThat(strata().run("pull", "-a", "busybox:1").err()).contains("tag can't be used with --all-tags/-a");
    }
}
