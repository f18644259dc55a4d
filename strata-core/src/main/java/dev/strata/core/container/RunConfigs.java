package dev.strata.core.container;

import dev.strata.core.StrataException;
import dev.strata.core.oci.ContainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Docker's rules for a container's config: the image's config with the {@code run} options laid over it. */
public final class RunConfigs {
    private RunConfigs() {}

    /**
     * The merged config. {@code exposed} and {@code volumes} are the extra ports ("8080/tcp") and anonymous volume
     * targets the options add; {@code hostname} is already decided.
     */
    public static RunConfig merge(ContainerConfig image, RunOptions options, String hostname, List<String> exposed,
            List<String> volumes) {
        List<String> entrypoint = image.entrypoint();
        List<String> cmd = image.cmd();
        if (options.entrypoint() != null) {
            entrypoint = options.entrypoint().isEmpty() ? null : List.of(options.entrypoint());
            cmd = null; // a new entrypoint drops the image's CMD, as Docker does
        }
        if (!options.command().isEmpty()) {
            cmd = options.command();
        }
        Map<String, String> labels = new TreeMap<>(image.labels() == null ? Map.of() : image.labels());
        labels.putAll(options.labels());
        Map<String, Map<String, Object>> ports = new TreeMap<>(image.exposedPorts() == null ? Map.of() : image.exposedPorts());
        exposed.forEach(p -> ports.putIfAbsent(p, Map.of()));
        Map<String, Map<String, Object>> vols = new TreeMap<>(image.volumes() == null ? Map.of() : image.volumes());
        volumes.forEach(v -> vols.putIfAbsent(v, Map.of()));
        boolean attach = !options.detach();
        return new RunConfig(hostname, "", nonNull(options.user(), image.user()), attach && options.interactive(),
                attach, attach, ports.isEmpty() ? null : ports, options.tty(), options.interactive(),
                attach && options.interactive(), mergeEnvironment(image.env(), options.env()), cmd, options.image(),
                vols.isEmpty() ? null : vols, nonNull(options.workingDir(), image.workingDir()), entrypoint,
                image.onBuild(), labels, nonNull(options.stopSignal(), image.stopSignal()),
                options.stopTimeout() != null ? options.stopTimeout() : image.stopTimeout());
    }

    /** The process to run: entrypoint then command; refused when there is none. */
    public static List<String> processArgs(RunConfig config) {
        List<String> all = new ArrayList<>();
        if (config.entrypoint() != null) {
            all.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            all.addAll(config.cmd());
        }
        if (all.isEmpty()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "No command specified");
        }
        return all;
    }

    /** Image variables, then the user's, a later one replacing an earlier one of the same name in place. */
    public static List<String> mergeEnvironment(List<String> image, List<String> user) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (List<String> source : java.util.Arrays.asList(image, user)) {
            if (source == null) {
                continue;
            }
            for (String entry : source) {
                int eq = entry.indexOf('=');
                merged.put(eq < 0 ? entry : entry.substring(0, eq), entry);
            }
        }
        return List.copyOf(merged.values());
    }

    private static String nonNull(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback == null ? "" : fallback;
    }
}
