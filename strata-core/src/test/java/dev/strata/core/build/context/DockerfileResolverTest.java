package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileResolverTest {
    @TempDir
    Path temp;
    Path contextDir;
    BuildContext context;
    DockerfileResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        contextDir = Files.createDirectory(temp.resolve("ctx"));
        context = BuildContext.directory(contextDir);
        resolver = new DockerfileResolver(temp, () -> new ByteArrayInputStream("FROM stdin\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDefaultDockerfileInTheContextRootOrItsLowerCaseName() throws IOException {
        Files.writeString(contextDir.resolve("dockerfile"), "FROM lower\n");
        assertThat(resolver.resolve(context, null, false).text()).isEqualTo("FROM lower\n");
        Files.writeString(contextDir.resolve("Dockerfile"), "FROM upper\n");
        Dockerfile dockerfile = resolver.resolve(context, null, false);
        assertThat(dockerfile.text()).isEqualTo("FROM upper\n");
        assertThat(dockerfile.name()).isEqualTo("Dockerfile");
        assertThat(dockerfile.path()).contains(contextDir.toRealPath().resolve("Dockerfile"));
    }

    @Test
    void dashFIsRelativeToTheWorkingDirectoryAndMayBeOutsideTheContext() throws IOException {
        Files.createDirectories(temp.resolve("build"));
        Files.writeString(temp.resolve("build/app.Dockerfile"), "FROM outside\n");
        Dockerfile dockerfile = resolver.resolve(context, "build/app.Dockerfile", false);
        assertThat(dockerfile.text()).isEqualTo("FROM outside\n");
        assertThat(dockerfile.name()).isEqualTo("build/app.Dockerfile");
    }

    @Test
    void aMissingDockerfileIsReportedInDockersWords() throws IOException {
        Path real = contextDir.toRealPath();
        assertThatThrownBy(() -> resolver.resolve(context, null, false))
                .isInstanceOf(StrataException.class)
                .hasMessage("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                        + real + "/Dockerfile: no such file or directory")
                .extracting(e -> ((StrataException) e).kind()).isEqualTo(StrataException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> resolver.resolve(context, "nodir/Dockerfile", false))
                .hasMessage("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                        + temp.resolve("nodir") + ": no such file or directory");
    }

    @Test
    void dashFDashReadsStdinButNotTwice() {
        Dockerfile dockerfile = resolver.resolve(context, "-", false);
        assertThat(dockerfile.text()).isEqualTo("FROM stdin\n");
        assertThat(dockerfile.name()).isEqualTo("-");
        assertThat(dockerfile.path()).isEmpty();
        assertThatThrownBy(() -> resolver.resolve(context, "-", true))
                .hasMessage("invalid argument: can't use stdin for both build context and dockerfile");
    }

    @Test
    void insideATemporaryContextDashFNamesAFileOfTheContext() throws IOException {
        byte[] tar = new Tars().file("Dockerfile", "FROM root\n").file("sub/Other", "FROM sub\n").bytes();
        ContextOpener opener = new ContextOpener(Files.createDirectory(temp.resolve("scratch")), HttpClient::newHttpClient,
                "git", java.io.InputStream::nullInputStream);
        try (BuildContext tarContext = opener.tar(new ByteArrayInputStream(tar), "stdin")) {
            assertThat(resolver.resolve(tarContext, null, true).text()).isEqualTo("FROM root\n");
            assertThat(resolver.resolve(tarContext, "sub/Other", true).text()).isEqualTo("FROM sub\n");
            assertThatThrownBy(() -> resolver.resolve(tarContext, "nope", true))
                    .hasMessage("unable to prepare context: Cannot locate specified Dockerfile: nope");
        }
    }

    @Test
    void theIgnoreFileBesideTheDockerfileWinsOverTheContextOne() throws IOException {
        Files.writeString(contextDir.resolve(".dockerignore"), "*.log\n");
        Files.writeString(contextDir.resolve("Dockerfile"), "FROM x\n");
        Files.writeString(contextDir.resolve("app.Dockerfile"), "FROM y\n");
        Files.writeString(contextDir.resolve("app.Dockerfile.dockerignore"), "*.tmp\n");
        Dockerfile plain = resolver.resolve(context, null, false);
        assertThat(resolver.ignoreRules(context, plain).patterns()).containsExactly("*.log");
        Dockerfile app = resolver.resolve(context, "ctx/app.Dockerfile", false);
        assertThat(resolver.ignoreRules(context, app).patterns()).containsExactly("*.tmp");
        Dockerfile stdin = new Dockerfile("FROM z\n", "-", Optional.empty());
        assertThat(resolver.ignoreRules(context, stdin).patterns()).containsExactly("*.log");
        Files.delete(contextDir.resolve(".dockerignore"));
        assertThat(resolver.ignoreRules(context, plain).isEmpty()).isTrue();
    }
}
