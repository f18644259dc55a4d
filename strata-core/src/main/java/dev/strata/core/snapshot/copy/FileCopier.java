package dev.strata.core.snapshot.copy;

import dev.strata.core.archive.Whiteouts;
import dev.strata.core.sys.Credentials;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies files one by one, with what a layer keeps of them: contents, symbolic links (never followed), device
 * nodes and FIFOs, owners, the full mode, extended attributes (but overlayfs's own, which mean nothing outside an
 * overlay) and times. Files that share an inode in the source share one in the copy. A process that is not root
 * keeps its own owner and skips the attributes it may not set. Directories are the caller's: it makes them and gives
 * them their {@link #metadata} once their contents are in. One instance per copy (it remembers the hard links);
 * not thread-safe.
 */
public final class FileCopier {
    private final boolean privileged = Credentials.isRoot();
    private final Map<FileStat.Id, Path> copies = new HashMap<>();

    /**
     * Copies the entry {@code from}, which is not a directory and is described by {@code stat}, to {@code to}, which
     * does not exist; a hard link to an earlier copy of the same file, if there was one. Sockets are left out: a
     * socket is an endpoint of a process, not content (Docker does not copy them either).
     */
    public void copy(Path from, FileStat stat, Path to) throws IOException {
        if (stat.isSocket()) {
            return;
        }
        if (stat.links() > 1) {
            Path first = copies.putIfAbsent(stat.id(), to);
            if (first != null) {
                PosixFiles.link(first, to);
                return;
            }
        }
        if (stat.isRegularFile()) {
            contents(from, to);
        } else if (stat.isSymbolicLink()) {
            PosixFiles.symlink(PosixFiles.readSymbolicLink(from), to);
        } else {
            PosixFiles.mknod(to, stat.mode(), PosixFiles.makedev(stat.rdevMajor(), stat.rdevMinor()));
        }
        metadata(from, to, stat);
    }

    /**
     * Gives {@code to} the metadata of {@code from} ({@code stat}): owner first (a change of owner clears setuid and
     * file capabilities), then mode (but for a symbolic link, which has none), extended attributes and times.
     */
    public void metadata(Path from, Path to, FileStat stat) throws IOException {
        if (privileged) {
            PosixFiles.lchown(to, stat.uid(), stat.gid());
        }
        if (!stat.isSymbolicLink()) {
            PosixFiles.chmod(to, stat.permissions());
        }
        for (String name : Xattrs.list(from)) {
            if (Whiteouts.isOverlayXattr(name)) {
                continue;
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

    private static void contents(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    break; // the file shrank while it was copied
                }
                done += n;
            }
        }
    }
}
