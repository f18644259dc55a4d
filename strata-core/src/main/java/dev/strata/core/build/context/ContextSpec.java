package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a build's context comes from, told apart from the {@code PATH | URL | -} argument the way Docker's client
 * does: {@code -} is stdin, an existing local directory is used in place, a git URL (or a local repository with a
 * {@code #ref:subdir}) is cloned, another http(s) URL is downloaded.
 */
public sealed interface ContextSpec {
    /** A directory on this machine. */
    record LocalDirectory(Path path) implements ContextSpec {
        public LocalDirectory {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A tar stream (plain or compressed) or a lone Dockerfile on standard input. */
    record Stdin() implements ContextSpec {}

    /** A git repository to check out. */
    record Git(GitUrl url) implements ContextSpec {
        public Git {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A tarball or a lone Dockerfile at an http(s) URL. */
    record Remote(URI uri) implements ContextSpec {
        public Remote {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /**
     * Reads the context argument.
     *
     * @param workingDirectory what a relative path is relative to
     * @throws StrataException NOT_FOUND with Docker's "unable to prepare context: path "X" not found"
     */
    static ContextSpec parse(String argument, Path workingDirectory) {
        if (argument.equals("-")) {
            return new Stdin();
        }
        boolean url = argument.contains("://") || argument.startsWith("git@");
        if (!url) {
            Path local = workingDirectory.resolve(argument);
            if (Files.isDirectory(local)) {
                return new LocalDirectory(local);
            }
            int hash = argument.indexOf('#');
            if (hash > 0 && isRepository(workingDirectory.resolve(argument.substring(0, hash)))) {
                GitUrl git = GitUrl.parse(argument);
                return new Git(new GitUrl(workingDirectory.resolve(git.remote()).toString(), git.ref(), git.subdir()));
            }
        }
        if (GitUrl.looksLikeGit(argument)) {
            return new Git(GitUrl.parse(argument));
        }
        if (argument.startsWith("http://") || argument.startsWith("https://")) {
            try {
                return new Remote(URI.create(argument));
            } catch (IllegalArgumentException e) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "unable to prepare context: invalid URL \"" + argument + "\": " + e.getMessage());
            }
        }
        throw new StrataException(StrataException.Kind.NOT_FOUND,
                "unable to prepare context: path \"" + argument + "\" not found");
    }

    private static boolean isRepository(Path path) {
        return Files.isDirectory(path.resolve(".git"))
                || (Files.isRegularFile(path.resolve("HEAD")) && Files.isDirectory(path.resolve("objects")));
    }
}
