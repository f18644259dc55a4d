package dev.strata.core.container;

import java.nio.file.Path;

/**
 * The files of one container under {@code ROOT/containers/<id>/}: its record and state, its writable layer
 * (overlay upper and work dirs, and the merged mount point), the runtime bundle, the generated /etc files. The
 * monitor (conmon) keeps its pid files, exit file, log and sockets in the same directory. The only place that knows this layout.
 */
public record ContainerPaths(Path dir) {
    public Path record() {
        return dir.resolve("container.json");
    }

    public Path state() {
        return dir.resolve("state.json");
    }

    /**
     * The init layer: the mount points the runtime needs ({@code /proc}, {@code /etc/hosts}...), made once and
     * stacked between the image and the writable layer, so they never show in {@code diff} or {@code commit}
     * (Docker's "-init" layer).
     */
    public Path init() {
        return dir.resolve("init");
    }

    /** The overlay upper dir: the container's writable layer. */
    public Path upper() {
        return dir.resolve("upper");
    }

    /**
     * A commit's snapshot in the making, when the commit of a stopped container takes its writable layer whole:
     * {@code fs/} is the former upper dir until the snapshot is published (renamed away) or given back.
     */
    public Path handover() {
        return dir.resolve("handover");
    }

    /** Present once a commit took the writable layer: names the snapshot that holds the container's changes. */
    public Path handedTo() {
        return dir.resolve("upper-snapshot");
    }

    /** Where the changes are copied back into a writable layer before the container's file system is mounted. */
    public Path restoring() {
        return dir.resolve("upper-restoring");
    }

    /**
     * The copy of its image the container runs on where overlayfs cannot mount (the {@code vfs} storage driver):
     * present only then, in place of the upper and work dirs.
     */
    public Path rootfs() {
        return dir.resolve("rootfs");
    }

    public Path work() {
        return dir.resolve("work");
    }

    /** Where the root filesystem is mounted while the container runs. */
    public Path merged() {
        return dir.resolve("merged");
    }

    /** The OCI runtime bundle: the container dir itself, holding config.json. */
    public Path bundle() {
        return dir;
    }

    public Path runtimeConfig() {
        return dir.resolve("config.json");
    }

    public Path log() {
        return dir.resolve("ctr.log");
    }

    public Path hostname() {
        return dir.resolve("hostname");
    }

    public Path hosts() {
        return dir.resolve("hosts");
    }

    public Path resolvConf() {
        return dir.resolve("resolv.conf");
    }

    /**
     * Present while a process attached to the running container will clean up after it (holding that process's
     * PID): the monitor's exit command then leaves the clean-up to it.
     */
    public Path waiter() {
        return dir.resolve("waiter.pid");
    }

    /**
     * Present while a {@code restart} is under way (holding the restarting process's PID): a {@code --rm} container
     * that ends then is not removed, as Docker's daemon does not remove one it restarts.
     */
    public Path restarter() {
        return dir.resolve("restarter.pid");
    }

    /** The container's network namespace, bind-mounted to a file while it runs. */
    public Path netns() {
        return dir.resolve("netns");
    }
}
