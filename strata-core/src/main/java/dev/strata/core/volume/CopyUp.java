package dev.strata.core.volume;

import dev.strata.core.StrataException;
import dev.strata.core.snapshot.copy.FileCopier;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker's copy-up: when a container mounts an empty volume on a path where its image has files, the files are
 * copied into the volume first, with their owners, modes, extended attributes, times, symbolic links, device
 * nodes and hard links. Symbolic links are copied as links and never followed, so nothing outside the source
 * directory is read. The source should be the container's merged root filesystem (overlay hides whiteouts
 * there). Each call works alone: calls with different destinations may run at once.
 */
public final class CopyUp {
    private final FileCopier files = new FileCopier();

    private CopyUp() {}

    /**
     * Copies the contents of {@code fromImageDir} into {@code volumeData} if {@code volumeData} is an empty
     * directory and {@code fromImageDir} is a directory (not a link to one: resolve a container path first with
     * {@link #copyUp(Path, String, Path)} or {@link RootPaths#resolve}). The volume's directory also takes the
     * source directory's owner, mode and times.
     *
     * @return true if anything was copied; false if there was nothing to copy or the volume was not empty
     */
    public static boolean copyUp(Path fromImageDir, Path volumeData) {
        try {
            Optional<FileStat> source = PosixFiles.lstatIfExists(fromImageDir);
            if (source.isEmpty() || !source.get().isDirectory()) {
                return false;
            }
            FileStat target = PosixFiles.lstat(volumeData);
            if (!target.isDirectory()) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot copy the image's files at "
                        + fromImageDir + " into " + volumeData + ": the volume's data is not a directory");
            }
            if (!isEmpty(volumeData)) {
                return false;
            }
            CopyUp copy = new CopyUp();
            copy.directoryContents(fromImageDir, volumeData);
            copy.files.metadata(fromImageDir, volumeData, source.get());
            return true;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot copy the image's files at " + fromImageDir
                    + " into the volume at " + volumeData + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #copyUp(Path, Path)} for the container path {@code containerPath} of a root filesystem. */
    public static boolean copyUp(Path rootfs, String containerPath, Path volumeData) {
        return copyUp(RootPaths.resolve(rootfs, containerPath), volumeData);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        }
    }

    private void directoryContents(Path from, Path to) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            entries.forEach(children::add);
        }
        children.sort(null); // a stable order makes hard links resolve the same way every time
        for (Path child : children) {
            entry(child, to.resolve(child.getFileName().toString()));
        }
    }

    private void entry(Path from, Path to) throws IOException {
        FileStat stat = PosixFiles.lstat(from);
        if (stat.isDirectory()) {
            PosixFiles.mkdir(to, 0700); // opened up to its real mode once its contents are in
            directoryContents(from, to);
            files.metadata(from, to, stat);
        } else {
            files.copy(from, stat, to);
        }
    }
}
