package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds and reads a build's Dockerfile as Docker's client does: {@code -f -} reads stdin; with a local directory,
 * {@code -f PATH} is relative to the working directory and may lie outside the context, and without {@code -f}
 * it is {@code Dockerfile} (or, failing that, {@code dockerfile}) in the context root; with a tar, git or URL
 * context, {@code -f} names a file inside the context. Also picks the ignore file that goes with it:
 * {@code NAME.dockerignore} beside the Dockerfile wins over {@code .dockerignore} in the context root. Stateless.
 */
public final class DockerfileResolver {
    public static final String DEFAULT_NAME = "Dockerfile";
    private static final String IGNORE_FILE = ".dockerignore";

    private final Path workingDirectory;
    private final Supplier<InputStream> stdin;

    public DockerfileResolver(Path workingDirectory, Supplier<InputStream> stdin) {
        this.workingDirectory = workingDirectory;
        this.stdin = stdin;
    }

    /**
     * The Dockerfile for {@code context}.
     *
     * @param file the {@code -f} value, or null without one
     * @param contextFromStdin whether the context itself was read from stdin
     */
    public Dockerfile resolve(BuildContext context, String file, boolean contextFromStdin) {
        if ("-".equals(file)) {
            if (contextFromStdin) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "invalid argument: can't use stdin for both build context and dockerfile");
            }
            try (InputStream in = stdin.get()) {
                return new Dockerfile(TarStreams.dockerfileText(in, "stdin"), "-", Optional.empty());
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the Dockerfile from stdin: "
                        + e.getMessage(), e);
            }
        }
        if (context.inlineDockerfile().isPresent()) {
            return new Dockerfile(context.inlineDockerfile().get(), DEFAULT_NAME, Optional.empty());
        }
        return context.temporary() ? inside(context, file) : local(context, file);
    }

    /** The ignore rules that go with {@code dockerfile} in {@code context}. */
    public IgnoreRules ignoreRules(BuildContext context, Dockerfile dockerfile) {
        if (dockerfile.path().isPresent()) {
            Path beside = dockerfile.path().get().resolveSibling(dockerfile.path().get().getFileName() + IGNORE_FILE);
            if (Files.isRegularFile(beside)) {
                return IgnoreRules.read(beside);
            }
        }
        return IgnoreRules.read(context.root().resolve(IGNORE_FILE));
    }

    private Dockerfile local(BuildContext context, String file) {
        Path path;
        if (file == null) {
            path = context.root().resolve(DEFAULT_NAME);
            Path lower = context.root().resolve("dockerfile");
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && Files.exists(lower, LinkOption.NOFOLLOW_LINKS)) {
                path = lower;
            }
        } else {
            path = workingDirectory.resolve(file).toAbsolutePath().normalize();
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "unable to prepare context: unable to evaluate"
                    + " symlinks in Dockerfile path: lstat " + firstMissing(path) + ": no such file or directory");
        }
        return read(real, file == null ? context.root().relativize(path).toString() : file);
    }

    private static Dockerfile inside(BuildContext context, String file) {
        String name = file == null ? DEFAULT_NAME : file;
        try {
            ScopedPaths.Resolved resolved = ScopedPaths.resolve(context.root(), name);
            if (!resolved.exists() && file == null) {
                resolved = ScopedPaths.resolve(context.root(), "dockerfile");
            }
            if (!resolved.exists()) {
                throw new StrataException(StrataException.Kind.NOT_FOUND,
                        "unable to prepare context: Cannot locate specified Dockerfile: " + name);
            }
            return read(context.root().resolve(resolved.path()), name);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the Dockerfile " + name + ": "
                    + e.getMessage(), e);
        }
    }

    private static Dockerfile read(Path path, String name) {
        if (Files.isDirectory(path)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "unable to prepare context: the Dockerfile " + name + " is a directory; name the file with -f");
        }
        try {
            return new Dockerfile(Files.readString(path, StandardCharsets.UTF_8), name, Optional.of(path));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the Dockerfile " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first component of {@code path} that lstat cannot find, as Go's EvalSymlinks reports it. */
    private static Path firstMissing(Path path) {
        Path current = path.getRoot();
        for (Path part : path) {
            current = current == null ? part : current.resolve(part);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return current;
            }
        }
        return path;
    }
}
