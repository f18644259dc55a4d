package dev.strata.core.build.context;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A COPY or ADD instruction's context side, with variables already expanded by the builder.
 *
 * @param instruction {@code COPY} or {@code ADD}, for messages and history
 * @param sources the sources as written: paths or Go {@code filepath.Match} globs, relative to the context root
 *     (a leading {@code /}, {@code ./} or {@code ../} stays inside it); URLs are the builder's business
 * @param destination as written; relative to {@code workdir} unless absolute; a trailing {@code /} (or a
 *     destination of {@code .}) makes it a directory
 * @param workdir the image's working directory, absolute
 * @param existingDirectory tells whether an absolute path is a directory in the image being built: a single file
 *     copied to an existing directory goes into it, as Docker does
 */
public record CopyRequest(
        String instruction, List<String> sources, String destination, String workdir,
        Predicate<String> existingDirectory) {
    public CopyRequest {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(existingDirectory, "existingDirectory");
        sources = List.copyOf(sources);
        workdir = workdir == null || workdir.isEmpty() ? "/" : workdir;
    }

    /** A request for an image in which no destination is known to be a directory yet. */
    public static CopyRequest of(String instruction, List<String> sources, String destination, String workdir) {
        return new CopyRequest(instruction, sources, destination, workdir, path -> false);
    }
}
