package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * RUN: the command (shell form, run by the stage's SHELL, or exec form), the heredocs it opens, and its flags:
 * {@code --mount} specs as written, {@code --network} ({@code default}, {@code none} or {@code host}),
 * {@code --security} ({@code sandbox} or {@code insecure}), {@code --device} specs as written. Not expanded by the
 * builder: the shell expands shell form, exec form is never expanded.
 *
 * <p>Docker runs a heredoc RUN this way: when the command is exactly one heredoc ({@code RUN <<EOF}), the heredoc's
 * {@link Heredoc#text()} is the shell-form command (or, starting with {@code #!}, a script file that is executed);
 * otherwise the command and each heredoc's content and name are joined by newlines and given to the shell.
 */
public record Run(Origin origin, Command command, List<Heredoc> heredocs, List<String> mounts, String network,
                  String security, List<String> devices) implements Instruction {
    public Run {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(command, "command");
        heredocs = List.copyOf(heredocs);
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(security, "security");
        devices = List.copyOf(devices);
    }
}
