package dev.strata.core.runtime;

import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;

/** Where a process started by the runtime reads and writes: inherited for the CLI, pipes for a program or test. */
public record Stdio(Redirect in, Redirect out, Redirect err) {
    public Stdio {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** This JVM's own stdin, stdout and stderr: the user's terminal when the CLI runs in one. */
    public static Stdio inherit() {
        return new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    /** Three pipes, read and written through {@link Process}'s streams. */
    public static Stdio pipes() {
        return new Stdio(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);
    }
}
