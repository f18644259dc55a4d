package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The execution parameters inside an image config ("config" in the OCI spec), with Docker's field names.
 * Maps are kept sorted by the JSON codec; sets of ports and volumes are maps to empty objects, as in the spec.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Healthcheck", "ArgsEscaped", "Volumes",
    "WorkingDir", "Labels", "OnBuild", "StopSignal", "StopTimeout", "Shell"})
public record ContainerConfig(
        @JsonProperty("User") String user,
        @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
        @JsonProperty("Env") List<String> env,
        @JsonProperty("Entrypoint") List<String> entrypoint,
        @JsonProperty("Cmd") List<String> cmd,
        @JsonProperty("Healthcheck") Map<String, Object> healthcheck,
        @JsonProperty("ArgsEscaped") Boolean argsEscaped,
        @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
        @JsonProperty("WorkingDir") String workingDir,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("OnBuild") List<String> onBuild,
        @JsonProperty("StopSignal") String stopSignal,
        @JsonProperty("StopTimeout") Integer stopTimeout,
        @JsonProperty("Shell") List<String> shell) {

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
