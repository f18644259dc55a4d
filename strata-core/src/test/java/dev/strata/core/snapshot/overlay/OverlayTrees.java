package dev.strata.core.snapshot.overlay;

import dev.strata.core.archive.Whiteouts;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds directories in overlayfs form (as unpacked snapshots and upper directories look) for tests. */
final class OverlayTrees {
    private OverlayTrees() {}

    static Path file(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    static Path dir(Path dir, String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    static Path whiteout(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        PosixFiles.mknod(file, FileStat.S_IFCHR | 0, PosixFiles.makedev(0, 0));
        return file;
    }

    static Path opaque(Path dir, String name) throws IOException {
        Path opaque = Files.createDirectories(dir.resolve(name));
        Xattrs.set(opaque, Whiteouts.TRUSTED_OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
        return opaque;
    }

    static boolean isWhiteout(Path path) throws IOException {
        FileStat stat = PosixFiles.lstat(path);
        return stat.isCharacterDevice() && stat.rdevMajor() == 0 && stat.rdevMinor() == 0;
    }

    static boolean isOpaque(Path path) throws IOException {
        return Xattrs.get(path, Whiteouts.TRUSTED_OPAQUE_XATTR).map(v -> new String(v, StandardCharsets.US_ASCII))
                .filter("y"::equals).isPresent();
    }
}
