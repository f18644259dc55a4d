package dev.strata.core.runtime.conmon;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where conmon keeps the files of one container: the one place that knows the layout. Conmon itself puts the
 * attach socket and the control FIFOs into the bundle directory (next to {@code config.json}); everything
 * else goes to the container's own directory, which may be the bundle too. The attach socket's path may be
 * of any length: clients reach it through a descriptor of its directory.
 *
 * @param bundle the OCI bundle runc creates the container from
 * @param dir where the pid files, the log and the exit file go
 */
public record ConmonFiles(Path bundle, Path dir) {
    public ConmonFiles {
        bundle = Objects.requireNonNull(bundle, "bundle").toAbsolutePath();
        dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
    }

    /** The SOCK_SEQPACKET socket an attaching client connects to. */
    public Path attachSocket() {
        return bundle.resolve("attach");
    }

    /** The FIFO conmon reads control messages from (window resize, reopen log). */
    public Path controlFifo() {
        return bundle.resolve("ctl");
    }

    /** Conmon's internal FIFO for window sizes, fed from {@link #controlFifo}. */
    public Path windowSizeFifo() {
        return bundle.resolve("winsz");
    }

    /** The container's output in the k8s-file format ({@link ContainerLogs} reads it). */
    public Path log() {
        return dir.resolve("ctr.log");
    }

    /** Holds the container's exit code once it has ended (128 + N when signal N ended it). */
    public Path exitFile() {
        return dir.resolve("exit");
    }

    /** Written by conmon when the kernel's OOM killer ended the container. */
    public Path oomFile() {
        return dir.resolve("oom");
    }

    /** The host PID of the container's init process, written by runc. */
    public Path containerPidFile() {
        return dir.resolve("pidfile");
    }

    /** The PID of the conmon process that monitors the container. */
    public Path conmonPidFile() {
        return dir.resolve("conmon.pid");
    }
}
