package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resource limits of the host process that caps what a container may be given: runc raises a container's
 * rlimits to what its spec says, and without {@code CAP_SYS_RESOURCE} it cannot go past the current hard
 * limits. {@link Long#MAX_VALUE} stands for unlimited.
 */
public record HostLimits(long openFiles) {
    public HostLimits {
        if (openFiles < 0) {
            throw new IllegalArgumentException("negative open files limit: " + openFiles);
        }
    }

    /** This process's current hard limits, read from {@code /proc/self/limits}. */
    public static HostLimits current() {
        Path limits = Path.of("/proc/self/limits");
        try {
            return parse(Files.readString(limits));
        } catch (IOException e) {
            throw new StrataException(Kind.SYSTEM, "cannot read the host's resource limits from " + limits + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads the hard limits out of the text of a {@code /proc/PID/limits} file. */
    static HostLimits parse(String procLimits) {
        for (String line : procLimits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] columns = line.substring("Max open files".length()).trim().split("\\s+");
                return new HostLimits(value(columns[1]));
            }
        }
        throw new StrataException(Kind.SYSTEM, "cannot read the host's resource limits: /proc/self/limits has no "
                + "\"Max open files\" line");
    }

    private static long value(String column) {
        return column.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(column);
    }
}
