package dev.strata.core.runtime.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import dev.strata.core.oci.JsonWriting;
import dev.strata.core.oci.StreamingJson;
import java.io.IOException;
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
        ResolvedProcess process = resolve(request.rootfs(), request.hostname(), request.process());
        return StreamingJson.write(request, (g, r) -> writeConfig(g, r, process));
    }

    /**
     * A {@code process} object for {@code runc exec --process FILE}: like the one in {@code config.json}, but
     * without a {@code HOSTNAME} variable of ours (pass the container's in {@code process.env()}, or use
     * {@link #processJson(Path, String, ProcessRequest)}).
     */
    public byte[] processJson(Path rootfs, ProcessRequest process) {
        return StreamingJson.write(resolve(rootfs, null, process), this::writeProcess);
    }

    /** A {@code process} object for {@code runc exec --process FILE}, with {@code HOSTNAME} as Docker sets it. */
    public byte[] processJson(Path rootfs, String hostname, ProcessRequest process) {
        return StreamingJson.write(resolve(rootfs, hostname, process), this::writeProcess);
    }

    /** A process with its user and working directory resolved: what can fail is done before any writing. */
    private record ResolvedProcess(ProcessRequest request, ExecUser user, String cwd, List<String> env) {}

    private static ResolvedProcess resolve(Path rootfs, String hostname, ProcessRequest p) {
        String cwd = workingDir(p.workingDir());
        ExecUser user = UserResolver.resolve(rootfs, p.user());
        return new ResolvedProcess(p, user, cwd, Environment.compose(hostname, p.terminal(), p.env(), user.home()));
    }

    // Fields in a fixed order, the data-binding generator's: the same request keeps giving the same bytes.
    private void writeConfig(JsonGenerator g, RuntimeSpecRequest request, ResolvedProcess process) throws IOException {
        g.writeStartObject();
        g.writeStringField("ociVersion", OCI_VERSION);
        g.writeFieldName("process");
        writeProcess(g, process);
        g.writeObjectFieldStart("root");
        g.writeStringField("path", request.rootfs().toString());
        g.writeBooleanField("readonly", request.readOnlyRootfs());
        g.writeEndObject();
        g.writeStringField("hostname", request.hostname());
        JsonWriting.list(g, "mounts", MountTable.merge(DockerDefaults.MOUNTS, request.mounts()),
                RuntimeSpecGenerator::writeMount);
        // already sorted by the request; JsonWriting sorts again, which keeps them so
        JsonWriting.nonEmpty(g, "annotations", request.annotations());
        g.writeFieldName("linux");
        writeLinux(g, request.network());
        g.writeEndObject();
    }

    private void writeProcess(JsonGenerator g, ResolvedProcess p) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("terminal", p.request().terminal());
        g.writeObjectFieldStart("user");
        g.writeNumberField("uid", p.user().uid());
        g.writeNumberField("gid", p.user().gid());
        // Docker lists the primary group first, so that it stays a supplementary group after a setgid program
        g.writeArrayFieldStart("additionalGids");
        g.writeNumber(p.user().gid());
        for (int gid : p.user().supplementaryGids()) {
            g.writeNumber(gid);
        }
        g.writeEndArray();
        g.writeEndObject();
        JsonWriting.strings(g, "args", p.request().args());
        JsonWriting.strings(g, "env", p.env());
        g.writeStringField("cwd", p.cwd());
        // inheritable and ambient stay empty, as in Docker 20.10+, so exec'd programs do not gain capabilities
        g.writeObjectFieldStart("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            JsonWriting.strings(g, set, DockerDefaults.CAPABILITIES);
        }
        g.writeEndObject();
        g.writeArrayFieldStart("rlimits");
        g.writeStartObject();
        g.writeStringField("type", "RLIMIT_NOFILE");
        g.writeNumberField("hard", openFiles);
        g.writeNumberField("soft", openFiles);
        g.writeEndObject();
        g.writeEndArray();
        g.writeBooleanField("noNewPrivileges", false);
        g.writeEndObject();
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

    private static void writeMount(JsonGenerator g, MountRequest m) throws IOException {
        g.writeStartObject();
        g.writeStringField("destination", m.destination());
        g.writeStringField("type", m.type());
        g.writeStringField("source", m.source());
        JsonWriting.nonEmptyStrings(g, "options", m.options());
        g.writeEndObject();
    }

    private static void writeLinux(JsonGenerator g, NetworkNamespace network) throws IOException {
        g.writeStartObject();
        if (network instanceof NetworkNamespace.Isolated) {
            // only in a namespace of its own, as Docker: a joined or the host's namespace keeps its settings
            JsonWriting.map(g, "sysctl", DockerDefaults.NETWORK_SYSCTLS);
        }
        g.writeObjectFieldStart("resources");
        g.writeArrayFieldStart("devices");
        for (DockerDefaults.DeviceRule rule : DockerDefaults.DEVICES) {
            g.writeStartObject();
            g.writeBooleanField("allow", rule.allow());
            if (rule.type() != null) {
                g.writeStringField("type", rule.type());
                g.writeNumberField("major", rule.major());
                g.writeNumberField("minor", rule.minor());
            }
            g.writeStringField("access", "rwm");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("namespaces");
        namespace(g, "mount", null);
        // an if-chain, not a switch over the sealed type: a pattern switch's bootstrap costs milliseconds cold
        if (network instanceof NetworkNamespace.Isolated) {
            namespace(g, "network", null);
        } else if (network instanceof NetworkNamespace.Joined joined) {
            namespace(g, "network", joined.netnsFile().toString());
        }
        for (String type : List.of("uts", "pid", "ipc", "cgroup")) {
            namespace(g, type, null);
        }
        g.writeEndArray();
        JsonWriting.strings(g, "maskedPaths", DockerDefaults.MASKED_PATHS);
        JsonWriting.strings(g, "readonlyPaths", DockerDefaults.READONLY_PATHS);
        g.writeEndObject();
    }

    private static void namespace(JsonGenerator g, String type, String path) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        if (path != null) {
            g.writeStringField("path", path);
        }
        g.writeEndObject();
    }
}
