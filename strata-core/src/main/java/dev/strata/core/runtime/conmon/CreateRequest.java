package dev.strata.core.runtime.conmon;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link Conmon#create} needs to create one container.
 *
 * @param id the runtime's container ID (letters, digits, {@code _ + - .})
 * @param name the container's name, for conmon's own log lines
 * @param bundle the OCI bundle: {@code config.json}, whose {@code process.terminal} must equal {@code terminal}
 * @param dir the container's directory for conmon's files ({@link ConmonFiles}); created if missing
 * @param terminal give the container a pseudo-terminal (conmon receives it from runc's console socket)
 * @param stdin keep a pipe to the container's stdin that attaching clients write to ({@code -i})
 * @param exitCommand run by conmon after the container has ended and its exit code is written: an absolute
 *     program path and its arguments (conmon does not search PATH); empty for none
 */
public record CreateRequest(String id, String name, Path bundle, Path dir, boolean terminal, boolean stdin,
        List<String> exitCommand) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_+.-]{1,1024}");

    public CreateRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(dir, "dir");
        exitCommand = List.copyOf(exitCommand);
        if (!ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("invalid container ID " + id);
        }
        if (!exitCommand.isEmpty() && !Path.of(exitCommand.getFirst()).isAbsolute()) {
            throw new IllegalArgumentException("the exit command must be an absolute path: " + exitCommand.getFirst());
        }
    }

    public ConmonFiles files() {
        return new ConmonFiles(bundle, dir);
    }
}
