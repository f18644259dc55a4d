package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PathHandle;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Finds container paths inside a root as Docker does for {@code docker cp}, always through
 * {@link PathHandle#resolveInRoot}: every symbolic link is read as the container would read it, and no
 * lookup ever leaves the root. Not thread-safe; one per operation.
 */
final class Locations {
    /** How many symbolic links a destination may go through, as Docker allows. */
    private static final int MAX_LINKS = 10;

    /** Where a copy into the container lands, after following symbolic links at its end. */
    record Destination(ContainerPath path, boolean exists, boolean isDirectory) {}

    private final PathHandle root;
    private final Path rootLocation;

    Locations(PathHandle root) throws ErrnoException {
        this.root = root;
        this.rootLocation = root.location();
    }

    /**
     * The file a copy out of the container reads: the directories on the way are followed, the last
     * component only if {@code followLink}, if it is spelled as a directory ({@code dir/}, {@code dir/.}), or
     * if it is the root.
     */
    PathHandle source(ContainerPath path, boolean followLink) throws ErrnoException {
        if (path.isRoot() || path.assertsDirectory()) {
            PathHandle handle = root.resolveInRoot(path.relative(), true);
            if (!handle.stat().isDirectory()) {
                handle.close();
                throw new ErrnoException("open", path.toString(), ErrnoException.ENOTDIR);
            }
            return handle;
        }
        PathHandle handle;
        try (PathHandle dir = root.resolveInRoot(path.parent().relative(), true)) {
            handle = dir.child(path.base());
        }
        if (followLink && handle.stat().isSymbolicLink()) {
            handle.close();
            return root.resolveInRoot(path.relative(), true);
        }
        return handle;
    }

    /**
     * The destination of a copy into the container: a symbolic link at the end is followed, even when it
     * leads nowhere yet (the copy then creates its target), as {@code docker cp} does.
     */
    Destination destination(ContainerPath path) throws ErrnoException {
        ContainerPath current = path;
        for (int links = 0; links <= MAX_LINKS; links++) {
            FileStat stat;
            try (PathHandle handle = current.assertsDirectory() || current.isRoot()
                    ? root.resolveInRoot(current.relative(), true) : source(current, false)) {
                stat = handle.stat();
                if (stat.isSymbolicLink()) {
                    current = linkTarget(current, handle);
                    continue;
                }
            } catch (ErrnoException e) {
                if (e.errno() == ErrnoException.ENOENT) {
                    return new Destination(current, false, false);
                }
                throw e;
            }
            return new Destination(current, true, stat.isDirectory());
        }
        throw new ErrnoException("follow", path.toString(), ErrnoException.ELOOP);
    }

    /** What {@code docker cp} reports about a path before copying it out. */
    PathStat stat(ContainerPath path, PathHandle file) throws ErrnoException {
        FileStat stat = file.stat();
        String linkTarget = stat.isSymbolicLink() ? linkTarget(path, file).clean() : "";
        Instant mtime = Instant.ofEpochSecond(stat.mtimeSeconds(), stat.mtimeNanos());
        return new PathStat(path.displayName(), stat.size(), stat.mode(), mtime, linkTarget);
    }

    /**
     * Where the symbolic link at {@code path} leads in the container, fully resolved there; for a link that
     * leads nowhere, its target read as a container path.
     */
    ContainerPath linkTarget(ContainerPath path, PathHandle link) throws ErrnoException {
        try (PathHandle target = root.resolveInRoot(path.relative(), true)) {
            return containerPath(target);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.ENOENT) {
                throw e;
            }
        }
        String text = FileNames.string(link.readLink());
        return ContainerPath.parse(text.startsWith("/") ? text : path.parent().clean() + "/" + text);
    }

    /** The path the container sees for a file found in its root. */
    ContainerPath containerPath(PathHandle file) throws ErrnoException {
        Path location = file.location();
        if (!location.startsWith(rootLocation)) {
            // Cannot happen with RESOLVE_IN_ROOT; refusing is still better than naming a host path.
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot locate " + location + " inside the"
                    + " container's root " + rootLocation);
        }
        return ContainerPath.parse("/" + rootLocation.relativize(location));
    }

    /** The name of the file a followed link led to, {@code .} for the root. */
    String name(PathHandle file) throws ErrnoException {
        ContainerPath path = containerPath(file);
        return path.isRoot() ? "." : path.base();
    }
}
