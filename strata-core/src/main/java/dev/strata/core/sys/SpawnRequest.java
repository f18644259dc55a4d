package dev.strata.core.sys;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link Spawn#start} gives a new process: its command line, its whole environment, its working directory,
 * and each of its output descriptors (stdin is {@code /dev/null}: nothing here feeds a child); the child gets no
 * other descriptor of this JVM. Immutable.
 *
 * @param command the program (a path, or a name looked up on this JVM's {@code PATH}) and its arguments
 * @param environment every variable the child gets, and no other
 * @param directory the child's working directory; empty for this JVM's
 * @param stdout descriptor 1
 * @param stderr descriptor 2; {@link Output#STDOUT} for the same file or pipe as descriptor 1
 * @param extraDescriptors descriptors from 3 up, each to a file, a pipe of its own or stdout's
 */
public record SpawnRequest(List<String> command, Map<String, String> environment, Optional<Path> directory,
        Output stdout, Output stderr, Map<Integer, Output> extraDescriptors) {

    /** Where one of the child's output descriptors goes. */
    public enum Output {
        /** {@code /dev/null}. */
        DISCARD,
        /** A pipe of its own, which the caller reads. */
        PIPE,
        /** The same file or pipe as the child's stdout (for stderr and extra descriptors). */
        STDOUT
    }

    public SpawnRequest {
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        environment = Map.copyOf(environment);
        for (String name : environment.keySet()) {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("not an environment variable name: " + name);
            }
        }
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (stdout == Output.STDOUT) {
            throw new IllegalArgumentException("stdout cannot go to itself");
        }
        // sorted, so that descriptors are set up, and pipes made, in the order of their numbers
        extraDescriptors = new TreeMap<>(extraDescriptors);
        for (Map.Entry<Integer, Output> entry : extraDescriptors.entrySet()) {
            if (entry.getKey() < 3 || entry.getKey() > 1023) {
                throw new IllegalArgumentException("not an extra descriptor (3 to 1023): " + entry.getKey());
            }
            Objects.requireNonNull(entry.getValue(), "output");
        }
        extraDescriptors = Collections.unmodifiableMap(extraDescriptors);
    }

    /**
     * {@code command} with this JVM's environment and working directory, stdin from {@code /dev/null}, and stdout
     * and stderr to pipes of their own, as {@link ProcessBuilder} starts one.
     */
    public static SpawnRequest of(List<String> command) {
        return new SpawnRequest(command, System.getenv(), Optional.empty(), Output.PIPE, Output.PIPE, Map.of());
    }

    public SpawnRequest withEnvironment(Map<String, String> environment) {
        return new SpawnRequest(command, environment, directory, stdout, stderr, extraDescriptors);
    }

    public SpawnRequest inDirectory(Path directory) {
        return new SpawnRequest(command, environment, Optional.of(directory.toAbsolutePath()), stdout, stderr,
                extraDescriptors);
    }

    public SpawnRequest withStdout(Output stdout) {
        return new SpawnRequest(command, environment, directory, stdout, stderr, extraDescriptors);
    }

    public SpawnRequest withStderr(Output stderr) {
        return new SpawnRequest(command, environment, directory, stdout, stderr, extraDescriptors);
    }

    /** This request with descriptor {@code fd} (3 or more) of the child going to {@code output}. */
    public SpawnRequest withDescriptor(int fd, Output output) {
        Map<Integer, Output> extra = new TreeMap<>(extraDescriptors);
        extra.put(fd, output);
        return new SpawnRequest(command, environment, directory, stdout, stderr, extra);
    }

    /** The highest descriptor the child gets. */
    int highestDescriptor() {
        int highest = 2;
        for (int fd : extraDescriptors.keySet()) {
            highest = Math.max(highest, fd);
        }
        return highest;
    }
}
