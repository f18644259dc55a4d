package dev.strata.core.volume;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Whiteouts;
import dev.strata.core.sys.Credentials;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's copy-up: when a container mounts an empty volume on a path where its image has files, the files are
 * copied into the volume first, with their owners, modes, extended attributes, times, symbolic links, device
 * nodes and hard links. Symbolic links are copied as links and never followed, so nothing outside the source
 * directory is read. The source should be the container's merged root filesystem (overlay hides whiteouts
 * there). Each call works alone: calls with different destinations may run at once.
 */
public final class CopyUp {
    private final boolean privileged = Credentials.isRoot();
    private final Map<FileStat.Id, Path> hardLinks = new HashMap<>();

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
            copy.metadata(fromImageDir, volumeData, source.get());
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
            metadata(from, to, stat);
            return;
        }
        if (stat.isSocket()) {
            return; // a socket is an endpoint of a process, not content; Docker does not copy them either
        }
        if (stat.links() > 1) {
            Path first = hardLinks.putIfAbsent(stat.id(), to);
            if (first != null) {
                PosixFiles.link(first, to);
                return;
            }
        }
        if (stat.isRegularFile()) {
            content(from, to);
        } else if (stat.isSymbolicLink()) {
            PosixFiles.symlink(PosixFiles.readSymbolicLink(from), to);
        } else {
            PosixFiles.mknod(to, stat.mode(), PosixFiles.makedev(stat.rdevMajor(), stat.rdevMinor()));
        }
        metadata(from, to, stat);
    }

    private static void content(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    break; // the file shrank while we copied
                }
                done += n;
            }
        }
    }

    /** Owner first (chown clears setuid and capabilities), then mode, extended attributes and time. */
    private void metadata(Path from, Path to, FileStat stat) throws IOException {
        if (privileged) {
            PosixFiles.lchown(to, stat.uid(), stat.gid());
        }
        if (!stat.isSymbolicLink()) {
            PosixFiles.chmod(to, stat.permissions());
        }
        for (String name : Xattrs.list(from)) {
            if (Whiteouts.isOverlayXattr(name)) {
                continue; // overlay's bookkeeping, meaningless outside the overlay
            }
            Optional<byte[]> value = Xattrs.get(from, name);
            if (value.isEmpty()) {
                continue;
            }
            try {
                Xattrs.set(to, name, value.get());
            } catch (ErrnoException e) {
                boolean unsupported = e.errno() == ErrnoException.ENOTSUP;
                boolean notAllowed = e.errno() == ErrnoException.EPERM && !privileged;
                if (!unsupported && !notAllowed) {
                    throw e;
                }
            }
        }
        PosixFiles.setTimes(to, stat.mtimeSeconds(), stat.mtimeNanos());
    }
}
