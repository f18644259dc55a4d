package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container-escape class of copy bugs: symbolic links in the container (absolute, climbing with {@code ..},
 * among the parent directories, or made by the archive itself) must never let a read or a write reach the
 * host. Each attempt either is refused or lands inside the root; the host directory is checked after each.
 */
@Tag("root")
class EscapeTest {
    @TempDir
    Path dir;
    RootFixture fixture;
    Path root;
    final ContainerArchive archive = new ContainerArchive();

    @BeforeEach
    void fixture() throws Exception {
        fixture = new RootFixture(dir);
        root = fixture.root;
    }

    @AfterEach
    void hostIsUntouched() throws Exception {
        assertThat(fixture.hostUntouched()).as("the host directory is as the fixture left it").isTrue();
    }

    private void extract(String destination, Tars tar) throws Exception {
        archive.copyIn(root, destination, tar.stream(), ExtractOptions.dockerCp());
    }

    @Test
    void anAbsoluteLinkAsTheDestinationIsReadInsideTheContainer() {
        assertThatThrownBy(() -> extract("/escape-abs", new Tars().file("pwned", "x")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> extract("/escape-abs/target", new Tars().file("pwned", "x")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
    }

    @Test
    void aClimbingLinkAsTheDestinationStopsAtTheRoot() {
        assertThatThrownBy(() -> extract("/escape-dotdot/target", new Tars().file("pwned", "x")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
    }

    @Test
    void whereTheLinkLeadsInsideTheContainerTheWriteLandsThere() throws Exception {
        Path inside = Files.createDirectories(root.resolve(fixture.host.toString().substring(1)));
        Files.createDirectories(inside.resolve("target"));

        extract("/escape-abs/target", new Tars().file("pwned", "x"));
        extract("/escape-dotdot", new Tars().file("pwned-too", "y"));

        assertThat(inside.resolve("target/pwned")).hasContent("x");
        assertThat(inside.resolve("pwned-too")).hasContent("y");
    }

    @Test
    void aLinkAmongTheParentsOfAnEntryIsReadInsideTheContainer() throws Exception {
        assertThatThrownBy(() -> extract("/", new Tars().file("escape-abs/pwned", "x")))
                .isInstanceOf(StrataException.class);
        extract("/tmp", new Tars().file("up/pwned", "x")); // tmp/up -> ../../../../../etc: the container's /etc
        assertThat(root.resolve("etc/pwned")).hasContent("x");
    }

    @Test
    void aLinkTheArchiveMakesItselfLeadsNowhereOutside() throws Exception {
        assertThatThrownBy(() -> extract("/", new Tars()
                .symlink("evil", fixture.host.toString())
                .file("evil/pwned", "x")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT));
        assertThatThrownBy(() -> extract("/tmp", new Tars()
                .symlink("evil2", "../../../../../../../../.." + fixture.host)
                .file("evil2/target/pwned", "x")))
                .isInstanceOf(StrataException.class);
        assertThat(Files.isSymbolicLink(root.resolve("evil"))).isTrue(); // the link itself is just data
    }

    @Test
    void entryNamesThatClimbAreRefusedBeforeWritingAnything() {
        assertThatThrownBy(() -> extract("/tmp", new Tars().file("../../../../" + fixture.host + "/pwned", "x")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
        assertThat(root.resolve("tmp")).isDirectoryNotContaining(p -> !p.getFileName().toString().equals("up"));
    }

    @Test
    void hardLinksCannotReachHostFiles() throws Exception {
        assertThatThrownBy(() -> extract("/tmp", new Tars().hardlink("stolen", "../../../../" + fixture.host + "/secret")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> extract("/", new Tars().hardlink("stolen", "escape-abs/secret")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        assertThat(root.resolve("stolen")).doesNotExist();
    }

    @Test
    void aHostCopyThroughAnEscapingLinkIsNotFound() throws Exception {
        Path source = Files.writeString(dir.resolve("payload"), "p");
        assertThatThrownBy(() -> archive.copyIn(root, "/escape-abs/target/x", source.toString(), false, ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> archive.copyIn(root, "/escape-dotdot/target", source.toString(), false, ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
    }

    @Test
    void readsThroughEscapingLinksDoNotReachTheHost() throws Exception {
        for (String path : new String[] {"/escape-abs/secret", "/escape-dotdot/secret"}) {
            assertThatThrownBy(() -> archive.copyOut(root, path, new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        }
        assertThatThrownBy(() -> archive.copyOut(root, "/escape-abs", true, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        archive.copyOut(root, "/", whole);
        assertThat(Tars.read(whole.toByteArray())).noneMatch(item -> item.content().contains("host secret"));
        assertThat(Tars.byName(whole.toByteArray()).get("escape-abs").type()).isEqualTo('2');
    }
}
