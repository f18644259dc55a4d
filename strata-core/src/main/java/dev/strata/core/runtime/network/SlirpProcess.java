package dev.strata.core.runtime.network;

import java.nio.file.Path;

/**
 * A running slirp4netns, as a container's state records it: the process is not a child that Strata waits for
 * (it outlives the command that started it), so it is found again by {@code pid} and reached by {@code apiSocket}.
 *
 * @param pid the slirp4netns process, to stop with {@link Slirp4netns#stop(int)}
 * @param subnet the network it emulates in the container's namespace
 * @param apiSocket its control socket, for {@link Slirp4netns#forward(Path, PortMapping)}
 * @param logFile where its standard output and error go
 */
public record SlirpProcess(int pid, Subnet subnet, Path apiSocket, Path logFile) {
    public SlirpProcess {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        if (subnet == null || apiSocket == null || logFile == null) {
            throw new IllegalArgumentException("subnet, apiSocket and logFile are required");
        }
    }
}
