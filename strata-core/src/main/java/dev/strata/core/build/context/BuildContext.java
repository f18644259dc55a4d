package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a build reads: a directory on disk, which the build never writes. A local directory is used where it
 * is; a tar stream, a git repository or a downloaded tarball is unpacked into a temporary directory, which
 * {@link #close} removes. Some sources carry a Dockerfile and no files (a Dockerfile piped to {@code build -}, or
 * a URL serving plain text): the context is then an empty directory and {@link #inlineDockerfile} holds the text.
 * Thread-safe; close it once the build is done.
 */
public final class BuildContext implements AutoCloseable {
    private final Path root;
    private final Path owned;
    private final String description;
    private final String inlineDockerfile;
    private boolean closed;

    private BuildContext(Path root, Path owned, String description, String inlineDockerfile) {
        this.root = root;
        this.owned = owned;
        this.description = Objects.requireNonNull(description, "description");
        this.inlineDockerfile = inlineDockerfile;
    }

    /**
     * The local directory {@code directory}, used in place.
     *
     * @throws StrataException NOT_FOUND with Docker's "unable to prepare context: path "X" not found", or
     *     INVALID_ARGUMENT if it is not a directory
     */
    public static BuildContext directory(Path directory) {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StrataException(StrataException.Kind.NOT_FOUND,
                    "unable to prepare context: path \"" + directory + "\" not found");
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "unable to prepare context: cannot open " + directory + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(real)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "unable to prepare context: context must be a directory: " + directory);
        }
        return new BuildContext(real, null, "directory " + real, null);
    }

    /** A context in {@code root}, at or below the temporary directory {@code owned}, which closing removes. */
    static BuildContext temporary(Path root, Path owned, String description, String inlineDockerfile) {
        return new BuildContext(root, owned, description, inlineDockerfile);
    }

    /** The directory the build reads: an absolute real path (no symbolic link in it). */
    public Path root() {
        return root;
    }

    /** Whether the files are a temporary copy (tar, git, URL) rather than the user's own directory. */
    public boolean temporary() {
        return owned != null;
    }

    /** What the context was made from, for messages: "directory /src", "git repository https://…". */
    public String description() {
        return description;
    }

    /** The Dockerfile that came instead of a context (stdin or a URL serving text), if it did. */
    public Optional<String> inlineDockerfile() {
        return Optional.ofNullable(inlineDockerfile);
    }

    /** Removes the temporary copy, if there is one; a local directory is left alone. */
    @Override
    public synchronized void close() {
        if (closed || owned == null) {
            return;
        }
        closed = true;
        try {
            FileTrees.delete(owned);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot remove the temporary build context "
                    + owned + ": " + e.getMessage() + "; remove it by hand", e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
