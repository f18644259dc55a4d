package dev.strata.core.volume;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a path of a container inside its root filesystem as the container would see it: symbolic links are
 * followed as if the root filesystem were {@code /}, so {@code /data -> /etc} leads to {@code ROOTFS/etc}, never
 * to the host's {@code /etc}, and {@code ..} stops at the root. Stateless.
 */
public final class RootPaths {
    /** Linux gives up after 40 links in one lookup; an image's links have no reason to need more. */
    private static final int MAX_LINKS = 40;
    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private RootPaths() {}

    /**
     * The host path of {@code containerPath} under {@code rootfs}, with every symbolic link on the way resolved
     * inside {@code rootfs}. Missing components are kept as given (they cannot be links).
     */
    public static Path resolve(Path rootfs, String containerPath) {
        Deque<String> todo = new ArrayDeque<>(components(containerPath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.removeFirst();
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = join(rootfs, resolved).resolve(part);
            Optional<FileStat> stat;
            try {
                stat = PosixFiles.lstatIfExists(candidate);
            } catch (ErrnoException e) {
                if (e.errno() == ErrnoException.ENOTDIR) {
                    stat = Optional.empty(); // a file on the way: nothing below it exists
                } else {
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot resolve " + containerPath
                            + " in " + rootfs + ": " + e.getMessage(), e);
                }
            }
            if (stat.isEmpty() || !stat.get().isSymbolicLink()) {
                resolved.add(part);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot resolve " + containerPath
                        + " in " + rootfs + ": too many levels of symbolic links");
            }
            String target;
            try {
                target = new String(PosixFiles.readSymbolicLink(candidate), NAMES);
            } catch (ErrnoException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot resolve " + containerPath
                        + " in " + rootfs + ": " + e.getMessage(), e);
            }
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> more = components(target);
            for (int i = more.size() - 1; i >= 0; i--) {
                todo.addFirst(more.get(i));
            }
        }
        return join(rootfs, resolved);
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Path join(Path rootfs, List<String> parts) {
        Path path = rootfs;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }
}
