package dev.strata.core.container;

import java.util.List;
import java.util.Map;

/**
 * A container's configuration in Docker's "Config" shape: the image's config with the {@code run} options
 * applied. This is what {@code inspect} shows and what {@code commit} starts from.
 */
public record RunConfig(
        String hostname,
        String domainname,
        String user,
        boolean attachStdin,
        boolean attachStdout,
        boolean attachStderr,
        Map<String, Map<String, Object>> exposedPorts,
        boolean tty,
        boolean openStdin,
        boolean stdinOnce,
        List<String> env,
        List<String> cmd,
        String image,
        Map<String, Map<String, Object>> volumes,
        String workingDir,
        List<String> entrypoint,
        List<String> onBuild,
        Map<String, String> labels,
        String stopSignal,
        Integer stopTimeout) {

    public RunConfig {
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
