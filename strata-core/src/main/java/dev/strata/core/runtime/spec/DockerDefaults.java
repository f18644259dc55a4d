package dev.strata.core.runtime.spec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Docker puts in every container's spec unless told otherwise (moby's {@code oci.DefaultLinuxSpec}), so
 * that a program behaves under Strata as it does under {@code docker run}.
 */
final class DockerDefaults {
    /** Docker's default capability set, in Docker's order; its bounding set is 0x00000000a80425fb. */
    static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
            "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
            "CAP_AUDIT_WRITE");

    /** The open files limit Docker's containers get (dockerd runs with LimitNOFILE=infinity, i.e. 2^20). */
    static final long OPEN_FILES = 1L << 20;

    static final List<MountRequest> MOUNTS = List.of(
            new MountRequest("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
            new MountRequest("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
            new MountRequest("/dev/pts", "devpts", "devpts",
                    List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
            new MountRequest("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
            new MountRequest("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
            new MountRequest("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
            // Docker binds a per-container tmpfs of --shm-size (64m); a tmpfs of the same size here is equivalent
            new MountRequest("/dev/shm", "tmpfs", "shm",
                    List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));

    /** Kernel files that leak host information or allow attacks; hidden (Docker 26+ adds powercap). */
    static final List<String> MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");

    /**
     * What Docker (20.10+) sets in a network namespace it creates: any user may bind ports below 1024 and open
     * ICMP echo sockets, without CAP_NET_BIND_SERVICE or CAP_NET_RAW. Sorted by name.
     */
    static final Map<String, String> NETWORK_SYSCTLS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
            "net.ipv4.ip_unprivileged_port_start", "0",
            "net.ipv4.ping_group_range", "0 2147483647")));

    static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    /**
     * Docker's device cgroup rules: deny everything, allow the harmless character devices, deny
     * {@code /dev/fuse}. runc appends its own default allowances (null, zero, full, tty, pts, ptmx...).
     */
    static final List<DeviceRule> DEVICES = List.of(
            new DeviceRule(false, null, -1, -1),
            new DeviceRule(true, "c", 1, 5), // zero
            new DeviceRule(true, "c", 1, 3), // null
            new DeviceRule(true, "c", 1, 9), // urandom
            new DeviceRule(true, "c", 1, 8), // random
            new DeviceRule(true, "c", 5, 0), // tty
            new DeviceRule(true, "c", 5, 1), // console
            new DeviceRule(false, "c", 10, 229)); // fuse

    /** One rule of {@code linux.resources.devices}, always for all of read, write and mknod; -1 = any. */
    record DeviceRule(boolean allow, String type, int major, int minor) {}

    private DockerDefaults() {}
}
