package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileStat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker cp CTR:PATH -}: the tar's names, types and contents. */
class CopyOutTest {
    @TempDir
    Path dir;
    RootFixture fixture;
    final ContainerArchive archive = new ContainerArchive();

    @BeforeEach
    void fixture() throws Exception {
        fixture = new RootFixture(dir);
    }

    private byte[] copyOut(String path, boolean followLink) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.copyOut(fixture.root, path, followLink, out);
        return out.toByteArray();
    }

    @Test
    void aFileIsOneEntryNamedAfterIt() throws Exception {
        byte[] tar = copyOut("/etc/passwd", false);

        assertThat(Tars.read(tar)).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("passwd");
            assertThat(item.type()).isEqualTo('0');
            assertThat(item.content()).isEqualTo("root:x:0:0::/root:/bin/sh\n");
        });
    }

    @Test
    void aDirectoryIsItselfThenItsContentsSorted() throws Exception {
        assertThat(Tars.names(copyOut("/etc", false)))
                .containsExactly("etc/", "etc/group", "etc/hostname", "etc/passwd");
        assertThat(Tars.names(copyOut("etc/", false)))
                .containsExactly("etc/", "etc/group", "etc/hostname", "etc/passwd");
    }

    @Test
    void dirDotIsTheContentsWithoutPrefix() throws Exception {
        assertThat(Tars.names(copyOut("/etc/.", false))).containsExactly("./", "group", "hostname", "passwd");
    }

    @Test
    void modeAndOwnersComeAlong() throws Exception {
        Tars.Item tool = Tars.byName(copyOut("/usr/bin", false)).get("bin/tool");
        assertThat(tool.mode() & 07777).isEqualTo(0755);
        assertThat(tool.uid()).isEqualTo(((Integer) Files.getAttribute(fixture.root.resolve("usr/bin/tool"), "unix:uid")).longValue());
    }

    @Test
    void aLastSymbolicLinkIsCopiedAsALinkUnlessFollowed() throws Exception {
        assertThat(Tars.read(copyOut("/tools", false))).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("tools");
            assertThat(item.type()).isEqualTo('2');
            assertThat(item.link()).isEqualTo("usr/bin");
        });
        // docker cp -L asks for the link's target, so the names are the target's
        assertThat(Tars.names(copyOut("/tools", true))).containsExactly("bin/", "bin/tool");
    }

    @Test
    void symbolicLinksOnTheWayAreFollowedInsideTheContainer() throws Exception {
        assertThat(Tars.read(copyOut("/abs-etc/hostname", false))).singleElement()
                .satisfies(item -> assertThat(item.content()).isEqualTo("container\n"));
        assertThat(Tars.read(copyOut("/tmp/up/hostname", false))).singleElement()
                .satisfies(item -> assertThat(item.content()).isEqualTo("container\n"));
    }

    @Test
    void hardLinksAfterTheFirstAreLinkEntries() throws Exception {
        Files.createLink(fixture.root.resolve("etc/passwd-link"), fixture.root.resolve("etc/passwd"));

        Tars.Item link = Tars.byName(copyOut("/etc", false)).get("etc/passwd-link");
        assertThat(link.type()).isEqualTo('1');
        assertThat(link.link()).isEqualTo("etc/passwd");
    }

    @Test
    void theStatDescribesWhatWasAskedFor() throws Exception {
        PathStat link = archive.stat(fixture.root, "/tools");
        assertThat(link.name()).isEqualTo("tools");
        assertThat(link.isSymbolicLink()).isTrue();
        assertThat(link.linkTarget()).isEqualTo("/usr/bin");
        assertThat(link.goFileMode() & (1L << 27)).isNotZero();

        PathStat etc = archive.copyOut(fixture.root, "/etc", OutputStream.nullOutputStream());
        assertThat(etc.isDirectory()).isTrue();
        assertThat(etc.mode() & FileStat.S_IFMT).isEqualTo(FileStat.S_IFDIR);
        assertThat(etc.goFileMode() & (1L << 31)).isNotZero();

        assertThat(archive.stat(fixture.root, "/escape-abs").linkTarget()).isEqualTo(fixture.host.toString());
    }

    @Test
    void nothingThereIsNotFound() {
        assertThatThrownBy(() -> copyOut("/etc/shadow", false))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND))
                .hasMessageContaining("/etc/shadow");
    }

    @Test
    void aFileSpelledAsADirectoryIsRefused() {
        assertThatThrownBy(() -> copyOut("/etc/passwd/", false))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void aFailingOutputStreamIsTheCallersOwnException() {
        IOException broken = new IOException("broken pipe");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw broken;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw broken;
            }
        };
        assertThatThrownBy(() -> archive.copyOut(fixture.root, "/etc", failing)).isSameAs(broken);
    }
}
