package dev.strata.core.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * The programs containers run with, how a container's monitor calls back into Strata when the container ends
 * ({@code exitCommand}: a command line to which {@code --root ROOT container cleanup ID} is appended; empty for
 * none, in which case the next command that looks at the container cleans up after it), and the storage driver new
 * containers get ({@code storageDriver}: {@code overlay} or {@code vfs}; null for the store's own choice).
 */
public record RuntimeSettings(Path runc, Path conmon, Path slirp4netns, List<String> exitCommand, String storageDriver) {
    public RuntimeSettings {
        exitCommand = List.copyOf(exitCommand);
    }

    /** Debian's paths, no exit command, the store's storage driver. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(Path.of("/usr/sbin/runc"), Path.of("/usr/bin/conmon"), Path.of("/usr/bin/slirp4netns"),
                List.of(), null);
    }

    /** Another OCI runtime with runc's command line, such as crun. */
    public RuntimeSettings withRuntime(Path runtime) {
        return new RuntimeSettings(runtime, conmon, slirp4netns, exitCommand, storageDriver);
    }

    public RuntimeSettings withExitCommand(List<String> command) {
        return new RuntimeSettings(runc, conmon, slirp4netns, command, storageDriver);
    }

    /** New containers made by {@code driver} ({@code overlay} or {@code vfs}), whatever the store chose. */
    public RuntimeSettings withStorageDriver(String driver) {
        return new RuntimeSettings(runc, conmon, slirp4netns, exitCommand, driver);
    }
}
