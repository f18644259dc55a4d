package dev.strata.core.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * The container's process as the run options describe it: the command line (entrypoint + cmd, already
 * combined), the environment (image env and run env, already merged), the working directory ({@code ""} means
 * {@code /}), the user in {@code docker run -u} syntax ({@code ""} means the image default, root) and whether it
 * gets a terminal.
 */
public record ProcessRequest(List<String> args, List<String> env, String workingDir, String user, boolean terminal) {
    public ProcessRequest {
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(user, "user");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a process needs at least one argument");
        }
    }
}
