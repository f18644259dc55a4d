package dev.strata.core.runtime;

import java.nio.file.Path;

/**
 * An OCI runtime's {@code exec}: runs one more process in a running container, described by a runtime-spec
 * {@code process} object in a JSON file (args, env, cwd, user, terminal...). Whether the process gets a
 * terminal is that file's {@code terminal} field. Thread-safe.
 */
public interface ExecRuntime {
    /**
     * Starts the process in the foreground and returns the runtime's own process: its exit value is the exec'd
     * process's (128 + N when signal N ended it), its stdio is the caller's choice. With a terminal, the runtime
     * makes a pseudo-terminal and relays between it and its own stdio; when that stdio is the user's terminal
     * (inherited) it also puts it into raw mode and forwards window size changes, so the caller must not.
     * runc needs a terminal of the caller for that: one of the three streams must be a terminal, or the caller
     * must have a controlling terminal; otherwise the runtime fails ("open /dev/tty: no such device or
     * address") and the process exits with 255.
     */
    Process exec(String id, Path process, Stdio stdio);

    /**
     * Starts the process detached, its stdio on {@code /dev/null}, and returns its host PID once it runs.
     * A process that wants a terminal cannot be detached this way ({@code UNSUPPORTED}).
     */
    int execDetached(String id, Path process);
}
