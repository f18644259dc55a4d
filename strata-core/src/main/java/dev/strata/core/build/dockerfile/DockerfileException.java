package dev.strata.core.build.dockerfile;

import dev.strata.core.StrataException;

/**
 * A Dockerfile that cannot be read or built as written: bad syntax, a bad argument, an expansion error, an unknown
 * build target. The message is one line naming the file and line, {@code Dockerfile:7: unknown instruction: RUNN},
 * with Docker's own wording for the problem.
 */
public final class DockerfileException extends StrataException {
    private final String fileName;
    private final int line;
    private final String problem;

    private DockerfileException(String fileName, int line, String problem) {
        super(Kind.INVALID_ARGUMENT, format(fileName, line, problem));
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    /** A problem found at a line (1-based) of the named file. */
    public static DockerfileException at(String fileName, int line, String problem) {
        return new DockerfileException(fileName, line, problem);
    }

    /** A problem with no place in the file yet; {@link #withLocation} gives it one. */
    public static DockerfileException problem(String problem) {
        return new DockerfileException(null, 0, problem);
    }

    /** This problem placed at a line of a file, unless it already has a place. */
    public DockerfileException withLocation(String fileName, int line) {
        return this.fileName != null ? this : at(fileName, line, problem);
    }

    /** The file the problem is in, or null when it has no place in a file. */
    public String fileName() {
        return fileName;
    }

    /** The 1-based line of the problem, or 0 when it has none. */
    public int line() {
        return line;
    }

    /** The problem alone, without file and line, in Docker's words. */
    public String problem() {
        return problem;
    }

    private static String format(String fileName, int line, String problem) {
        if (fileName == null) {
            return problem;
        }
        return line > 0 ? fileName + ":" + line + ": " + problem : fileName + ": " + problem;
    }
}
