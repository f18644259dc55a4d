package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void readsDockersAuthEntriesByHostAndWritesHubUnderItsLegacyKey() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"auths": {"https://index.docker.io/v1/": {"auth": "dXNlcjpwYTpzcw=="},
                           "https://myreg:5000/v1/": {"auth": "YTpi", "identitytoken": "tok"}},
                 "proxies": {"default": {"httpProxy": "http://p"}}, "detachKeys": "ctrl-x"}
                """);
        DockerConfigFile config = new DockerConfigFile(file, List.of());
        assertThat(config.get("docker.io")).isEqualTo(AuthConfig.basic("user", "pa:ss"));
        assertThat(config.get("myreg:5000")).isEqualTo(new AuthConfig("a", "b", "tok"));
        assertThat(config.get("elsewhere")).isEqualTo(AuthConfig.NONE);

        config.store("localhost:5000", AuthConfig.basic("me", "secret"));
        config.store("docker.io", AuthConfig.basic("other", "pw"));
        JsonNode json = Json.tree(Files.readAllBytes(file), "config");
        assertThat(json.path("auths").path("localhost:5000").path("auth").asText()).isEqualTo("bWU6c2VjcmV0");
        assertThat(json.path("auths").path("https://index.docker.io/v1/").path("auth").asText()).isEqualTo("b3RoZXI6cHc=");
        assertThat(json.path("proxies").path("default").path("httpProxy").asText()).isEqualTo("http://p");
        assertThat(json.path("detachKeys").asText()).isEqualTo("ctrl-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(config.erase("https://myreg:5000")).isTrue();
        assertThat(config.erase("myreg:5000")).isFalse();
        assertThat(config.get("myreg:5000")).isEqualTo(AuthConfig.NONE);
        assertThat(Json.tree(Files.readAllBytes(file), "config").path("detachKeys").asText()).isEqualTo("ctrl-x");
    }

    @Test
    void aMissingFileIsNoLoginsAndACorruptAuthSaysWhatToDo() throws Exception {
        Path file = dir.resolve("none/config.json");
        DockerConfigFile config = new DockerConfigFile(file, List.of());
        assertThat(config.get("docker.io").isAnonymous()).isTrue();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"auths\": {\"h:1\": {\"auth\": \"bm9jb2xvbg==\"}}}");
        assertThatThrownBy(() -> config.get("h:1")).isInstanceOf(StrataException.class)
                .hasMessageContaining("strata login h:1");
    }

    /** A fake {@code docker-credential-test}: keeps one secret in a file, speaking the helper protocol. */
    private Path fakeHelper() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path store = dir.resolve("helper-store");
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, """
                #!/bin/sh
                input=$(cat)
                case "$1" in
                  store) printf '%%s' "$input" > %1$s ;;
                  get) if [ -f %1$s ] && grep -q "\\"ServerURL\\":\\"$input\\"" %1$s; then
                         sed 's/"ServerURL":"[^"]*",//' %1$s
                       else echo "credentials not found in native keychain"; exit 1; fi ;;
                  erase) if [ -f %1$s ]; then rm %1$s; else echo "credentials not found in native keychain"; exit 1; fi ;;
                esac
                """.formatted(store));
        helper.toFile().setExecutable(true);
        return bin;
    }

    @Test
    void credentialHelpersKeepTheSecretAndConfigJsonOnlyListsTheServer() throws Exception {
        Path bin = fakeHelper();
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"credHelpers\": {\"myreg:5000\": \"test\"}, \"psFormat\": \"x\"}");
        DockerConfigFile config = new DockerConfigFile(file, List.of(Path.of("/nonexistent"), bin));
        assertThat(config.storesInFile("myreg:5000")).isFalse();
        assertThat(config.storesInFile("other:1")).isTrue();
        assertThat(config.get("myreg:5000")).isEqualTo(AuthConfig.NONE);

        config.store("myreg:5000", AuthConfig.basic("me", "s3cret"));
        assertThat(Files.readString(dir.resolve("helper-store"))).contains("\"Secret\":\"s3cret\"");
        assertThat(Files.readString(file)).doesNotContain("s3cret").contains("myreg:5000").contains("psFormat");
        assertThat(config.get("myreg:5000")).isEqualTo(AuthConfig.basic("me", "s3cret"));

        config.store("myreg:5000", new AuthConfig("me", null, "refresh"));
        assertThat(config.get("myreg:5000")).isEqualTo(new AuthConfig(null, null, "refresh"));

        assertThat(config.erase("myreg:5000")).isTrue();
        assertThat(config.get("myreg:5000")).isEqualTo(AuthConfig.NONE);
    }

    @Test
    void aMissingHelperIsReportedWithItsProgramName() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"credsStore\": \"absent\"}");
        DockerConfigFile config = new DockerConfigFile(file, List.of(dir));
        assertThatThrownBy(() -> config.get("docker.io")).isInstanceOf(StrataException.class)
                .hasMessageContaining("docker-credential-absent is not on the PATH");
    }
}
