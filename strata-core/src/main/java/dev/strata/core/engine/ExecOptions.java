package dev.strata.core.engine;

import java.util.List;

/** {@code exec}'s options: the command, {@code -e}, {@code -w}, {@code -u}, {@code -t}, {@code -i}, {@code -d}. */
public record ExecOptions(List<String> command, List<String> env, String workingDir, String user, boolean tty,
        boolean interactive, boolean detach) {
    public ExecOptions {
        command = List.copyOf(command);
        env = env == null ? List.of() : List.copyOf(env);
    }
}
