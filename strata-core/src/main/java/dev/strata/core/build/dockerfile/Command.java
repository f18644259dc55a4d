package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * The command of RUN, CMD or ENTRYPOINT: shell form (a string the stage's SHELL runs, {@code /bin/sh -c} by
 * default) or exec form (a JSON array run as is, never expanded).
 */
public sealed interface Command {
    /** Shell form, the text as written; empty when the instruction had no arguments. */
    record ShellForm(String text) implements Command {
        public ShellForm {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Exec form: the JSON array's strings, possibly none ({@code ENTRYPOINT []} clears the entrypoint). */
    record ExecForm(List<String> args) implements Command {
        public ExecForm {
            args = List.copyOf(args);
        }
    }

    /**
     * The process arguments: exec form as is, shell form appended to {@code shell} (as the image config stores a
     * shell-form CMD or ENTRYPOINT).
     */
    default List<String> withShell(List<String> shell) {
        return switch (this) {
            case ExecForm exec -> exec.args();
            case ShellForm sh -> {
                List<String> all = new java.util.ArrayList<>(shell);
                all.add(sh.text());
                yield List.copyOf(all);
            }
        };
    }
}
