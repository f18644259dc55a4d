package dev.strata.core.runtime.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import dev.strata.core.oci.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a container's OCI runtime {@code config.json} (runtime-spec 1.0.2, as runc 1.1 reads it) with
 * Docker's defaults: capabilities, mounts, masked and read-only paths, device rules, namespaces (pid, ipc, uts,
 * mount, a private cgroup namespace as on cgroup v2 hosts, network as requested), the sysctls Docker sets in a
 * new network namespace, {@code RLIMIT_NOFILE} and the environment. {@code linux.cgroupsPath} is left to runc,
 * which names the cgroup after the container ID below the caller's own cgroup. No seccomp profile, no AppArmor.
 *
 * <p>Output is deterministic: fields in a fixed order, annotations sorted. Thread-safe; it holds only the host
 * limits read at construction.
 */
public final class RuntimeSpecGenerator {
    /** The spec version written; runc 1.1 implements 1.0.2 and every field used here is in it. */
    public static final String OCI_VERSION = "1.0.2";

    private final long openFiles;

    public RuntimeSpecGenerator(HostLimits limits) {
        // runc cannot raise a hard limit without CAP_SYS_RESOURCE, so Docker's value is capped at ours
        this.openFiles = Math.min(DockerDefaults.OPEN_FILES, limits.openFiles());
    }

    /**
     * The bundle's {@code config.json}. Reads the root filesystem's {@code /etc/passwd} and {@code /etc/group}
     * to resolve the user.
     *
     * @throws StrataException NOT_FOUND for an unknown user or group name, INVALID_ARGUMENT for a relative
     *         working directory or an ID out of range
     */
    public byte[] configJson(RuntimeSpecRequest request) {
        ObjectNode spec = Json.mapper().createObjectNode();
        spec.put("ociVersion", OCI_VERSION);
        spec.set("process", process(request.rootfs(), request.hostname(), request.process()));
        ObjectNode root = spec.putObject("root");
        root.put("path", request.rootfs().toString());
        root.put("readonly", request.readOnlyRootfs());
        spec.put("hostname", request.hostname());
        ArrayNode mounts = spec.putArray("mounts");
        for (MountRequest m : MountTable.merge(DockerDefaults.MOUNTS, request.mounts())) {
            mounts.add(mount(m));
        }
        if (!request.annotations().isEmpty()) {
            ObjectNode annotations = spec.putObject("annotations");
            request.annotations().forEach(annotations::put);
        }
        spec.set("linux", linux(request.network()));
        return Json.write(spec);
    }

    /**
     * A {@code process} object for {@code runc exec --process FILE}: like the one in {@code config.json}, but
     * without a {@code HOSTNAME} variable of ours (pass the container's in {@code process.env()}, or use
     * {@link #processJson(Path, String, ProcessRequest)}).
     */
    public byte[] processJson(Path rootfs, ProcessRequest process) {
        return Json.write(process(rootfs, null, process));
    }

    /** A {@code process} object for {@code runc exec --process FILE}, with {@code HOSTNAME} as Docker sets it. */
    public byte[] processJson(Path rootfs, String hostname, ProcessRequest process) {
        return Json.write(process(rootfs, hostname, process));
    }

    private ObjectNode process(Path rootfs, String hostname, ProcessRequest p) {
        String cwd = workingDir(p.workingDir());
        ExecUser user = UserResolver.resolve(rootfs, p.user());
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("terminal", p.terminal());
        ObjectNode userNode = node.putObject("user");
        userNode.put("uid", user.uid());
        userNode.put("gid", user.gid());
        // Docker lists the primary group first, so that it stays a supplementary group after a setgid program
        ArrayNode gids = userNode.putArray("additionalGids");
        gids.add(user.gid());
        user.supplementaryGids().forEach(gids::add);
        strings(node.putArray("args"), p.args());
        strings(node.putArray("env"), Environment.compose(hostname, p.terminal(), p.env(), user.home()));
        node.put("cwd", cwd);
        // inheritable and ambient stay empty, as in Docker 20.10+, so exec'd programs do not gain capabilities
        ObjectNode caps = node.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), DockerDefaults.CAPABILITIES);
        }
        ObjectNode nofile = node.putArray("rlimits").addObject();
        nofile.put("type", "RLIMIT_NOFILE");
        nofile.put("hard", openFiles);
        nofile.put("soft", openFiles);
        node.put("noNewPrivileges", false);
        return node;
    }

    private static String workingDir(String workingDir) {
        if (workingDir.isEmpty()) {
            return "/";
        }
        if (!workingDir.startsWith("/")) {
            throw new StrataException(Kind.INVALID_ARGUMENT, "cannot set the working directory: '" + workingDir
                    + "' is invalid, it needs to be an absolute path");
        }
        return ContainerPaths.clean(workingDir);
    }

    private static ObjectNode mount(MountRequest m) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("destination", m.destination());
        node.put("type", m.type());
        node.put("source", m.source());
        if (!m.options().isEmpty()) {
            strings(node.putArray("options"), m.options());
        }
        return node;
    }

    private static ObjectNode linux(NetworkNamespace network) {
        ObjectNode linux = Json.mapper().createObjectNode();
        if (network instanceof NetworkNamespace.Isolated) {
            // only in a namespace of its own, as Docker: a joined or the host's namespace keeps its settings
            ObjectNode sysctl = linux.putObject("sysctl");
            DockerDefaults.NETWORK_SYSCTLS.forEach(sysctl::put);
        }
        ArrayNode devices = linux.putObject("resources").putArray("devices");
        for (DockerDefaults.DeviceRule rule : DockerDefaults.DEVICES) {
            ObjectNode d = devices.addObject();
            d.put("allow", rule.allow());
            if (rule.type() != null) {
                d.put("type", rule.type());
                d.put("major", rule.major());
                d.put("minor", rule.minor());
            }
            d.put("access", "rwm");
        }
        ArrayNode namespaces = linux.putArray("namespaces");
        namespaces.addObject().put("type", "mount");
        switch (network) {
            case NetworkNamespace.Isolated() -> namespaces.addObject().put("type", "network");
            case NetworkNamespace.Joined(Path file) -> namespaces.addObject()
                    .put("type", "network").put("path", file.toString());
            case NetworkNamespace.Host() -> { }
        }
        for (String type : List.of("uts", "pid", "ipc", "cgroup")) {
            namespaces.addObject().put("type", type);
        }
        strings(linux.putArray("maskedPaths"), DockerDefaults.MASKED_PATHS);
        strings(linux.putArray("readonlyPaths"), DockerDefaults.READONLY_PATHS);
        return linux;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
