package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Mounts;
import dev.strata.core.sys.Namespaces;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Network namespaces kept as files, the way {@code ip netns} and podman keep them: a namespace is created before
 * its container, bind-mounted onto a file that runc and slirp4netns join by path, and lives until that file is
 * removed here (and the last process in it has gone). Stateless and thread-safe.
 *
 * <p>The file's mount may stay private or shared: unlike a mount namespace, a network namespace cannot form a
 * mount loop, so the kernel takes it on any mount. Copies of the mount made by later mount namespaces do not keep
 * it alive either: runc and {@code slirp4netns --enable-sandbox} pivot away from (and detach) the host's tree,
 * except that slirp4netns's sandbox keeps the host's {@code /etc} and {@code /run}: namespace files there would be
 * pinned by every slirp4netns started meanwhile, so keep them elsewhere (under the store's root).
 */
public final class NetworkNamespaces {
    /**
     * Creates a network namespace with its loopback interface up, kept at {@code file} (which must not exist; its
     * directory must).
     *
     * @throws StrataException {@code CONFLICT} if {@code file} exists, {@code SYSTEM} if the kernel refuses
     */
    public void create(Path file) {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new StrataException(StrataException.Kind.CONFLICT, "cannot create network namespace " + file
                    + ": the file exists; remove the old namespace first", e);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot create network namespace " + file + ": " + e.getMessage(), e);
        }
        try {
            Namespaces.bindNewNetworkNamespace(file);
        } catch (ErrnoException e) {
            deleteQuietly(file, e);
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot create network namespace " + file + ": "
                    + e.getMessage() + " (creating network namespaces needs root, CAP_SYS_ADMIN)", e);
        }
    }

    /**
     * Unmounts and deletes a namespace file made by {@link #create}; the namespace itself ends when no process
     * is left in it. A file that is no longer mounted (after a crash, say) is just deleted; a missing one is fine.
     */
    public void remove(Path file) {
        try {
            Mounts.unmount(file, Mounts.MNT_DETACH);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EINVAL && e.errno() != ErrnoException.ENOENT) {
                throw new StrataException(StrataException.Kind.SYSTEM,
                        "cannot remove network namespace " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot remove network namespace " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
