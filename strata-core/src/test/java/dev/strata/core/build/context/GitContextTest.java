package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git contexts from repositories made here with {@code git init}; nothing leaves the machine. */
class GitContextTest {
    @TempDir
    Path temp;
    Path repo;
    Path scratch;
    ContextOpener opener;
    String firstCommit;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        repo = Files.createDirectory(temp.resolve("repo"));
        scratch = Files.createDirectory(temp.resolve("scratch"));
        opener = new ContextOpener(scratch, HttpClient::newHttpClient, "git", InputStream::nullInputStream);
        git("init", "-q", "-b", "main");
        write("Dockerfile", "FROM scratch\n");
        write("app/Dockerfile", "FROM busybox\n");
        write("app/main.txt", "version 1");
        git("add", "-A");
        git("commit", "-q", "-m", "one");
        firstCommit = git("rev-parse", "HEAD").strip();
        git("tag", "v1");
        write("app/main.txt", "version 2");
        git("commit", "-q", "-am", "two");
        git("checkout", "-q", "-b", "feature");
        write("app/feature.txt", "feature");
        git("add", "-A");
        git("commit", "-q", "-m", "feature");
        git("checkout", "-q", "main");
    }

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private BuildContext open(String argument) {
        return opener.open(ContextSpec.parse(argument, temp));
    }

    @Test
    void theDefaultBranchWithoutAFragment() throws IOException {
        try (BuildContext context = open("file://" + repo)) {
            assertThat(context.root().resolve("app/main.txt")).hasContent("version 2");
            assertThat(context.root().resolve(".git")).doesNotExist();
            assertThat(context.root().resolve("app/feature.txt")).doesNotExist();
            assertThat(context.root()).startsWith(scratch);
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBranchATagOrACommitAndASubdirectory() throws IOException {
        try (BuildContext context = open("file://" + repo + "#feature:app")) {
            assertThat(context.root().resolve("feature.txt")).hasContent("feature");
            assertThat(context.root().resolve("Dockerfile")).hasContent("FROM busybox");
            Dockerfile dockerfile = new DockerfileResolver(temp, InputStream::nullInputStream).resolve(context, null, false);
            assertThat(dockerfile.text()).isEqualTo("FROM busybox\n");
        }
        try (BuildContext context = open("file://" + repo + "#v1")) {
            assertThat(context.root().resolve("app/main.txt")).hasContent("version 1");
        }
        try (BuildContext context = open("file://" + repo + "#" + firstCommit + ":app")) {
            assertThat(context.root().resolve("main.txt")).hasContent("version 1");
        }
        try (BuildContext context = open("file://" + repo + "#" + firstCommit.substring(0, 10))) {
            assertThat(context.root().resolve("app/main.txt")).hasContent("version 1");
        }
    }

    @Test
    void aLocalRepositoryPathWithAFragment() throws IOException {
        assertThat(ContextSpec.parse("repo#main:app", temp)).isInstanceOf(ContextSpec.Git.class);
        try (BuildContext context = open("repo#main:app")) {
            assertThat(context.root().resolve("main.txt")).hasContent("version 2");
        }
        assertThat(ContextSpec.parse("repo", temp)).isInstanceOf(ContextSpec.LocalDirectory.class);
    }

    @Test
    void aMissingRefOrSubdirectoryFailsAndCleansUp() {
        assertThatThrownBy(() -> open("file://" + repo + "#nope"))
                .isInstanceOf(StrataException.class)
                .hasMessageStartingWith("unable to prepare context: unable to 'git clone' to temporary context directory:"
                        + " error fetching: ");
        assertThatThrownBy(() -> open("file://" + repo + "#main:nothing"))
                .hasMessage("unable to prepare context: error setting git context, not a directory: nothing");
        assertThatThrownBy(() -> open("file://" + repo + "#main:Dockerfile"))
                .hasMessageContaining("not a directory: Dockerfile");
        assertThatThrownBy(() -> open("file://" + repo + "#-x"))
                .hasMessage("unable to prepare context: invalid refspec: -x");
        assertThat(scratch.toFile().list()).isEmpty();
    }

    @Test
    void gitUrlsAreToldApartAsDockerTellsThem() {
        assertThat(GitUrl.parse("https://example.invalid/r.git#v1:sub/dir"))
                .isEqualTo(new GitUrl("https://example.invalid/r.git", "v1", "sub/dir"));
        assertThat(GitUrl.parse("git@example.invalid:o/r.git#:docs"))
                .isEqualTo(new GitUrl("git@example.invalid:o/r.git", null, "docs"));
        assertThat(GitUrl.parse("github.com/o/r").remote()).isEqualTo("https://github.com/o/r");
        assertThat(GitUrl.looksLikeGit("https://example.invalid/r.git")).isTrue();
        assertThat(GitUrl.looksLikeGit("https://example.invalid/r.git#main")).isTrue();
        assertThat(GitUrl.looksLikeGit("https://example.invalid/ctx.tar.gz")).isFalse();
        assertThat(GitUrl.looksLikeGit("git://example.invalid/r")).isTrue();
        assertThat(ContextSpec.parse("https://example.invalid/ctx.tar", temp)).isInstanceOf(ContextSpec.Remote.class);
        assertThat(ContextSpec.parse("git@example.invalid:o/r.git", temp)).isInstanceOf(ContextSpec.Git.class);
        assertThat(ContextSpec.parse("-", temp)).isInstanceOf(ContextSpec.Stdin.class);
    }
}
