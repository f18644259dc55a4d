package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a layer could write outside its directory is refused before anything lands outside. */
class LayerApplierSafetyTest {
    @TempDir
    Path work;

    private Path target;
    private Path outside;

    @BeforeEach
    void layout() throws Exception {
        // work/outside is what an escaping entry would reach: work/a/b/target/../../outside
        outside = Files.createDirectory(work.resolve("outside"));
        target = Files.createDirectories(work.resolve("a/b/target"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] tar, String... messageParts) {
        var refusal = assertThatThrownBy(() -> new LayerApplier().apply(new ByteArrayInputStream(tar), target))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageStartingWith("cannot extract layer: entry ")
                .satisfies(e -> assertThat(((StrataException) e).kind()).isEqualTo(StrataException.Kind.CORRUPT));
        for (String part : messageParts) {
            refusal.hasMessageContaining(part);
        }
        assertThat(outside).isEmptyDirectory();
        assertThat(work.resolve("a/b/x")).doesNotExist();
        assertThat(work.resolve("a/x")).doesNotExist();
        return refusal;
    }

    @Test
    void refusesDotDotThatLeavesTheTarget() {
        assertRefused(new TarFixture().file("../../outside/x", "evil").build(),
                "\"../../outside/x\" points outside the target directory");
    }

    @Test
    void refusesDotDotHiddenInsideAName() {
        assertRefused(new TarFixture().dir("d").file("d/../../x", "evil").build(), "points outside");
    }

    @Test
    void allowsDotDotThatStaysInside() throws Exception {
        new LayerApplier().apply(new ByteArrayInputStream(new TarFixture().file("d/../inside", "ok").build()), target);

        assertThat(target.resolve("inside")).hasContent("ok");
    }

    @Test
    void refusesAnAbsoluteName() {
        assertRefused(new TarFixture().file("/etc/passwd-strata-test", "evil").build(), "is an absolute path");
    }

    @Test
    void refusesAnAbsoluteNameHiddenInAPaxPath() {
        assertRefused(new TarFixture().file("/" + "p".repeat(150), "evil").build(), "is an absolute path");
    }

    @Test
    void refusesAnAbsoluteNameHiddenInAGnuLongName() {
        assertRefused(TarFixture.gnu().file("/" + "g".repeat(150), "evil").build(), "is an absolute path");
    }

    @Test
    void refusesAnEntryBelowASymbolicLinkToTheRoot() {
        assertRefused(new TarFixture().symlink("evil", "/").file("evil/etc/passwd-strata-test", "evil").build(),
                "\"evil/etc/passwd-strata-test\" goes through the symbolic link \"evil\"");
    }

    @Test
    void refusesAnEntryBelowARelativeSymbolicLinkThatClimbsOut() {
        assertRefused(new TarFixture().symlink("evil", "../../..").file("evil/outside/x", "evil").build(),
                "goes through the symbolic link \"evil\"");
    }

    @Test
    void refusesADirectoryEntryBelowASymbolicLinkDeeperInTheTree() {
        assertRefused(new TarFixture()
                .dir("usr")
                .symlink("usr/lib", "../../../outside")
                .dir("usr/lib/x")
                .build(), "goes through the symbolic link \"usr/lib\"");
    }

    @Test
    void refusesAHardLinkToAPathOutside() {
        assertRefused(new TarFixture().hardlink("shadow", "../../../outside/secret").build(),
                "\"shadow\" is a hard link to \"../../../outside/secret\", outside the target directory");
    }

    @Test
    void refusesAHardLinkToAnAbsolutePath() {
        assertRefused(new TarFixture().hardlink("shadow", "/etc/shadow").build(), "is a hard link to \"/etc/shadow\"");
    }

    @Test
    void refusesAHardLinkToSomethingThatIsNotAnEarlierEntry() throws Exception {
        Files.writeString(target.resolve("preexisting"), "not from this layer");

        assertRefused(new TarFixture().hardlink("copy", "preexisting").build(), "which is not an earlier entry of this layer");
        assertRefused(new TarFixture().hardlink("copy", "later").file("later", "x").build(), "not an earlier entry");
    }

    @Test
    void refusesAHardLinkReachedThroughASymbolicLink() throws Exception {
        Files.writeString(outside.resolve("secret"), "s");
        try {
            assertThatThrownBy(() -> new LayerApplier().apply(new ByteArrayInputStream(new TarFixture()
                    .symlink("out", "../../../outside")
                    .hardlink("stolen", "out/secret")
                    .build()), target))
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessageContaining("\"stolen\" goes through the symbolic link \"out\"");
            assertThat(target.resolve("stolen")).doesNotExist();
        } finally {
            Files.delete(outside.resolve("secret"));
        }
    }

    @Test
    void refusesWhiteoutsThatWouldEscape() {
        assertRefused(new TarFixture().dir("d").file("d/.wh..", "").build(), "is a whiteout for a path outside its directory");
        assertRefused(new TarFixture().symlink("evil", "../../../outside").file("evil/.wh.x", "").build(),
                "goes through the symbolic link");
        assertRefused(new TarFixture().symlink("evil", "../../../outside").file("evil/.wh..wh..opq", "").build(),
                "goes through the symbolic link");
    }

    @Test
    void refusesDevicesThatWouldEscape() {
        assertRefused(new TarFixture().device("../../x", TarConstants.LF_CHR, 1, 3).build(), "points outside");
        assertRefused(new TarFixture().symlink("dev", "../../../outside").device("dev/null", TarConstants.LF_CHR, 1, 3).build(),
                "goes through the symbolic link \"dev\"");
    }

    @Test
    void refusesAPathThroughASymbolicLinkFromAnEarlierEntryEvenAfterManyEntries() {
        TarFixture fixture = new TarFixture().dir("ok");
        for (int i = 0; i < 50; i++) {
            fixture.file("ok/f" + i, "x");
        }
        assertRefused(fixture.symlink("ok/link", "../../../../outside").file("ok/link/x", "evil").build(),
                "goes through the symbolic link \"ok/link\"");
    }
}
