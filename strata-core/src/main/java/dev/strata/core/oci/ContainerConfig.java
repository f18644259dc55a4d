package dev.strata.core.oci;

import java.util.List;
import java.util.Map;

/**
 * The execution parameters inside an image config ("config" in the OCI spec). The image config's codec writes
 * them with Docker's field names and maps sorted; sets of ports and volumes are maps to empty objects, as in the
 * spec.
 */
public record ContainerConfig(
        String user,
        Map<String, Map<String, Object>> exposedPorts,
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        Map<String, Object> healthcheck,
        Boolean argsEscaped,
        Map<String, Map<String, Object>> volumes,
        String workingDir,
        Map<String, String> labels,
        List<String> onBuild,
        String stopSignal,
        Integer stopTimeout,
        List<String> shell) {

    public static final ContainerConfig EMPTY =
            new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** A copy-on-write builder, for commit and import changes. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable companion of {@link ContainerConfig}; not thread-safe. */
    public static final class Builder {
        public String user;
        public Map<String, Map<String, Object>> exposedPorts;
        public List<String> env;
        public List<String> entrypoint;
        public List<String> cmd;
        public Map<String, Object> healthcheck;
        public Boolean argsEscaped;
        public Map<String, Map<String, Object>> volumes;
        public String workingDir;
        public Map<String, String> labels;
        public List<String> onBuild;
        public String stopSignal;
        public Integer stopTimeout;
        public List<String> shell;

        private Builder(ContainerConfig c) {
            user = c.user;
            exposedPorts = c.exposedPorts;
            env = c.env;
            entrypoint = c.entrypoint;
            cmd = c.cmd;
            healthcheck = c.healthcheck;
            argsEscaped = c.argsEscaped;
            volumes = c.volumes;
            workingDir = c.workingDir;
            labels = c.labels;
            onBuild = c.onBuild;
            stopSignal = c.stopSignal;
            stopTimeout = c.stopTimeout;
            shell = c.shell;
        }

        public ContainerConfig build() {
            return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, healthcheck, argsEscaped, volumes,
                    workingDir, labels, onBuild, stopSignal, stopTimeout, shell);
        }
    }
}
