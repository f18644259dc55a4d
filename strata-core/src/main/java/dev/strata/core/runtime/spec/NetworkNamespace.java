package dev.strata.core.runtime.spec;

import java.nio.file.Path;
import java.util.Objects;

/** Which network namespace a container's processes live in. */
public sealed interface NetworkNamespace {
    /** A new, empty network namespace; runc brings its loopback interface up ({@code --network none}). */
    record Isolated() implements NetworkNamespace {}

    /** The host's network namespace: the spec asks for none ({@code --network host}). */
    record Host() implements NetworkNamespace {}

    /** An existing namespace, named by a file such as {@code /run/netns/NAME} or {@code /proc/PID/ns/net}. */
    record Joined(Path netnsFile) implements NetworkNamespace {
        public Joined {
            Objects.requireNonNull(netnsFile, "netnsFile");
            if (!netnsFile.isAbsolute()) {
                throw new IllegalArgumentException("network namespace file must be absolute: " + netnsFile);
            }
        }
    }
}
