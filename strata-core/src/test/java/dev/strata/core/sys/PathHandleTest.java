package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathHandleTest {
    @TempDir
    Path dir;
    Path root;
    Path outside;

    @BeforeEach
    void tree() throws Exception {
        root = Files.createDirectory(dir.resolve("root"));
        outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "host");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/secret"), "container");
        Files.createSymbolicLink(root.resolve("absolute"), outside);            // -> /tmp/.../outside
        Files.createSymbolicLink(root.resolve("dotdot"), Path.of("../../../../../../etc")); // climbs past the root
        Files.createSymbolicLink(root.resolve("etc-link"), Path.of("/etc"));
    }

    @Test
    void symbolicLinksAreReadAsIfTheRootWereSlash() throws Exception {
        try (PathHandle r = PathHandle.open(root);
             PathHandle viaDotDot = r.resolveInRoot("dotdot/secret", true);
             PathHandle viaAbsolute = r.resolveInRoot("/etc-link/secret", true)) {
            assertThat(Files.readString(viaDotDot.path())).isEqualTo("container");
            assertThat(Files.readString(viaAbsolute.path())).isEqualTo("container");
            assertThat(viaDotDot.location()).isEqualTo(root.resolve("etc/secret").toRealPath());
        }
    }

    @Test
    void anAbsoluteLinkToAHostDirectoryDoesNotReachIt() throws Exception {
        try (PathHandle r = PathHandle.open(root)) {
            assertThatThrownBy(() -> r.resolveInRoot("absolute/secret", true))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT));
        }
    }

    @Test
    void theLastLinkIsTheLinkItselfUnlessFollowed() throws Exception {
        try (PathHandle r = PathHandle.open(root);
             PathHandle link = r.resolveInRoot("etc-link", false);
             PathHandle target = r.resolveInRoot("etc-link", true)) {
            assertThat(link.stat().isSymbolicLink()).isTrue();
            assertThat(target.stat().isDirectory()).isTrue();
        }
    }

    @Test
    void aChildIsNeverFollowed() throws Exception {
        try (PathHandle r = PathHandle.open(root);
             PathHandle link = r.child("absolute");
             PathHandle etc = r.child("etc")) {
            assertThat(link.stat().isSymbolicLink()).isTrue();
            assertThat(Files.readString(etc.resolve("secret"))).isEqualTo("container");
        }
        try (PathHandle r = PathHandle.open(root)) {
            assertThatThrownBy(() -> r.child("../outside")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theHandleKeepsItsFileWhenThePathIsSwapped() throws Exception {
        try (PathHandle r = PathHandle.open(root); PathHandle etc = r.child("etc")) {
            Files.move(root.resolve("etc"), root.resolve("moved"));
            Files.createSymbolicLink(root.resolve("etc"), outside);
            assertThat(Files.readString(etc.resolve("secret"))).isEqualTo("container");
        }
    }

    @Test
    void aPinnedLinkReadsItsTargetByteForByte() throws Exception {
        try (PathHandle r = PathHandle.open(root); PathHandle link = r.child("dotdot")) {
            assertThat(link.readLink()).asString().isEqualTo("../../../../../../etc");
        }
    }

    @Test
    void anExtendedAttributeIsReadFromThePinnedFile() throws Exception {
        Xattrs.set(root.resolve("etc/secret"), "user.colour", "blue".getBytes(StandardCharsets.UTF_8));

        try (PathHandle r = PathHandle.open(root); PathHandle secret = r.resolveInRoot("etc/secret", false)) {
            assertThat(secret.getXattr("user.colour"))
                    .hasValueSatisfying(v -> assertThat(v).asString().isEqualTo("blue"));
            assertThat(secret.getXattr("user.none")).isEmpty();
        }
    }
}
