package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import dev.strata.core.archive.GuardedSink;
import dev.strata.core.archive.TarEntry;
import dev.strata.core.archive.TarReader;
import dev.strata.core.archive.TarWriter;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.PathHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Tar archives into and out of a container's root file system: {@code docker cp} both ways, the Engine API's
 * {@code /containers/{id}/archive} and {@code docker export}. The root is the container's mounted root file
 * system (its overlay's merged directory); the container may be running.
 *
 * <p>Safety: container paths are resolved inside the root as the container sees them, with openat2's
 * {@code RESOLVE_IN_ROOT}: an absolute symbolic link, one full of {@code ..}, or a symbolic link among the
 * parent directories all stay inside the root, so no read or write ever reaches the host (the container-escape
 * class of {@code docker cp} bugs). Files are then opened by name inside directories held open and never
 * through a symbolic link. Needs Linux 5.6.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContainerArchive {
    public ContainerArchive() {}

    /** What {@code docker cp} learns about {@code containerPath} first ({@code HEAD /containers/{id}/archive}). */
    public PathStat stat(Path root, String containerPath) {
        ContainerPath path = ContainerPath.parse(containerPath);
        try (PathHandle rootHandle = PathHandle.open(root)) {
            Locations in = new Locations(rootHandle);
            try (PathHandle file = in.source(path, false)) {
                return in.stat(path, file);
            }
        } catch (IOException e) {
            throw failure("stat", path.toString(), e);
        }
    }

    /** Like {@link #copyOut(Path, String, boolean, OutputStream)} without following a last symbolic link. */
    public PathStat copyOut(Path root, String containerPath, OutputStream tar) throws IOException {
        return copyOut(root, containerPath, false, tar);
    }

    /**
     * Writes the file or directory at {@code containerPath} as a tar, as {@code docker cp CTR:PATH -} does: its
     * entries are named from the last component of the path ({@code etc/}, {@code etc/passwd}); for
     * {@code dir/.} the directory is {@code ./} and its contents have no prefix.
     *
     * @param followLink copy what a symbolic link at the end leads to ({@code docker cp -L}), named as its target
     * @param tar receives the archive; flushed, not closed
     * @return the stat of what was copied
     * @throws IOException only when writing to {@code tar} fails (the stream's own exception)
     * @throws StrataException of kind NOT_FOUND if nothing is at the path, SYSTEM if it cannot be read
     */
    public PathStat copyOut(Path root, String containerPath, boolean followLink, OutputStream tar) throws IOException {
        ContainerPath path = ContainerPath.parse(containerPath);
        GuardedSink out = new GuardedSink(tar);
        try (PathHandle rootHandle = PathHandle.open(root)) {
            Locations in = new Locations(rootHandle);
            try (PathHandle file = in.source(path, followLink)) {
                PathStat stat = in.stat(path, file);
                String name = path.isRoot() || path.currentDir() ? "."
                        : followLink ? in.name(file) : path.base();
                TarWriter archive = new TarWriter(out);
                new TreeArchiver(archive::write, Set.of()).write(file, name);
                archive.finish();
                return stat;
            }
        } catch (IOException e) {
            throw rethrow(out.failure(), e, "copy", path.toString());
        }
    }

    /**
     * Extracts {@code tar} into the directory {@code containerPath}, as {@code docker cp - CTR:PATH} and the
     * Engine API's {@code PUT /containers/{id}/archive} do: entries are named relative to that directory
     * (which must exist; a symbolic link to one is followed), missing parents are made.
     *
     * @param tar plain or compressed; read to the archive's end, not closed
     * @throws IOException only when reading {@code tar} fails (the stream's own exception)
     * @throws StrataException of kind NOT_FOUND if the directory does not exist, INVALID_ARGUMENT if it is not a
     *     directory or an entry climbs out of it, CONFLICT when a directory and a non-directory would replace
     *     each other, CORRUPT for a malformed archive
     */
    public void copyIn(Path root, String containerPath, InputStream tar, ExtractOptions options) throws IOException {
        ContainerPath path = ContainerPath.parse(containerPath);
        try (PathHandle rootHandle = PathHandle.open(root)) {
            Locations.Destination destination = new Locations(rootHandle).destination(path);
            requireDirectory(destination, path);
            try (Extractor extractor = new Extractor(rootHandle, destination.path(), options);
                 TarReader archive = TarReader.open(tar, "copy to container")) {
                TarEntry entry;
                while ((entry = archive.next()) != null) {
                    extractor.add(entry, archive.content());
                }
                extractor.finish();
            }
        } catch (TarReader.SourceFailure e) {
            throw e.getCause();
        } catch (IOException e) {
            throw failure("copy to", path.toString(), e);
        }
    }

    /**
     * Copies a host file or directory into the container by {@code docker cp}'s rules: into a directory that
     * exists, under the source's name ({@code SRC/.}: only its contents); over a file that exists; or as the
     * destination's name when the destination does not exist (its parent must). A directory onto a file, or a
     * file onto a missing {@code dir/}, is refused.
     *
     * @param hostSource the host path as the user typed it: a trailing {@code /.} or {@code /} matters
     * @param followLink copy what a symbolic link at the end of {@code hostSource} leads to ({@code docker cp -L})
     */
    public void copyIn(Path root, String containerPath, String hostSource, boolean followLink, ExtractOptions options) {
        ContainerPath path = ContainerPath.parse(containerPath);
        HostSource source = HostSource.parse(hostSource);
        PathHandle file = openHost(source, hostSource, followLink);
        try (file; PathHandle rootHandle = PathHandle.open(root)) {
            boolean sourceIsDirectory = file.stat().isDirectory();
            if (source.assertsDirectory() && !sourceIsDirectory) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "cannot copy " + hostSource + ": not a directory");
            }
            Locations.Destination destination = new Locations(rootHandle).destination(path);
            ContainerPath into;
            String name;
            if (destination.exists() && destination.isDirectory()) {
                into = destination.path();
                name = source.contentsOnly() ? "." : source.name();
            } else if (destination.exists() && sourceIsDirectory) {
                throw new StrataException(StrataException.Kind.CONFLICT, "cannot copy the directory " + hostSource
                        + " to " + path + ": a file is there");
            } else if (destination.exists() && path.assertsDirectory()) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot copy to " + path
                        + ": not a directory");
            } else if (!destination.exists() && !sourceIsDirectory && path.assertsDirectory()) {
                throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot copy " + hostSource + " to "
                        + path + ": the destination directory must exist");
            } else {
                into = destination.path().parent();
                name = destination.path().base();
            }
            requireDirectory(new Locations(rootHandle).destination(into), into);
            try (Extractor extractor = new Extractor(rootHandle, into, options)) {
                new TreeArchiver(extractor, Set.of()).write(file, name);
                extractor.finish();
            }
        } catch (IOException e) {
            throw failure("copy to", path.toString(), e);
        }
    }

    /** The host source, opened; a failure here is the host's, and must not read as the container's. */
    private static PathHandle openHost(HostSource source, String hostSource, boolean followLink) {
        try {
            return source.open(followLink);
        } catch (ErrnoException e) {
            String what = "cannot copy " + hostSource + ": ";
            throw e.errno() == ErrnoException.ENOENT
                    ? new StrataException(StrataException.Kind.NOT_FOUND, what + "no such file or directory", e)
                    : new StrataException(StrataException.Kind.SYSTEM, what + e.getMessage(), e);
        }
    }

    /**
     * Writes the whole root file system as a tar, as {@code docker export} does: entries named from the root
     * ({@code bin/}, {@code bin/sh}), the root itself not listed.
     *
     * @param skipMountPoints container paths mounted over in {@code mergedRoot} (volumes, bind mounts) whose
     *     contents are left out: a directory appears empty, a file not at all
     * @throws IOException only when writing to {@code out} fails (the stream's own exception)
     */
    public void exportTar(Path mergedRoot, OutputStream out, Collection<String> skipMountPoints) throws IOException {
        Set<String> skip = new HashSet<>();
        for (String mountPoint : skipMountPoints) {
            skip.add(ContainerPath.parse(mountPoint).relative());
        }
        GuardedSink guarded = new GuardedSink(out);
        try (PathHandle root = PathHandle.open(mergedRoot)) {
            TarWriter archive = new TarWriter(guarded);
            new TreeArchiver(archive::write, skip).writeContents(root, "");
            archive.finish();
        } catch (IOException e) {
            throw rethrow(guarded.failure(), e, "export", mergedRoot.toString());
        }
    }

    private static void requireDirectory(Locations.Destination destination, ContainerPath path) {
        if (!destination.exists()) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot copy to " + path
                    + ": no such directory in the container");
        }
        if (!destination.isDirectory()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot copy to " + path
                    + ": the destination must be a directory");
        }
    }

    /** The caller's own stream failure as it is; anything else as a StrataException. */
    private static IOException rethrow(IOException callersFailure, IOException e, String action, String path) {
        if (callersFailure != null) {
            return callersFailure;
        }
        throw failure(action, path, e);
    }

    private static StrataException failure(String action, String path, IOException e) {
        if (e instanceof ErrnoException errno) {
            String what = "cannot " + action + " " + path + ": ";
            return switch (errno.errno()) {
                case ErrnoException.ENOENT -> new StrataException(StrataException.Kind.NOT_FOUND,
                        what + "no such file or directory in the container", e);
                case ErrnoException.ENOTDIR -> new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        what + "a component of the path is not a directory", e);
                case ErrnoException.ELOOP -> new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        what + "too many symbolic links", e);
                case ErrnoException.ENOSYS -> new StrataException(StrataException.Kind.UNSUPPORTED,
                        what + "copying needs openat2 (Linux 5.6 or later) to stay inside the container", e);
                default -> new StrataException(StrataException.Kind.SYSTEM, what + e.getMessage(), e);
            };
        }
        return new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + " " + path + ": " + e.getMessage(), e);
    }
}
