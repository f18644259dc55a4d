package dev.strata.core.container;

import java.util.List;
import java.util.Map;

/**
 * The options of {@code create} / {@code run}, as the user gave them (mount, port and network specs still in
 * their command-line syntax; the engine parses them). {@code entrypoint} null keeps the image's, "" clears it.
 */
public record RunOptions(
        String image,
        List<String> command,
        String name,
        List<String> env,
        String workingDir,
        String user,
        String entrypoint,
        String hostname,
        Map<String, String> labels,
        List<String> volumes,
        List<String> mounts,
        List<String> tmpfs,
        List<String> publish,
        boolean publishAll,
        String network,
        boolean readOnly,
        boolean tty,
        boolean interactive,
        boolean detach,
        boolean autoRemove,
        String stopSignal,
        Integer stopTimeout) {

    public RunOptions {
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        tmpfs = tmpfs == null ? List.of() : List.copyOf(tmpfs);
        publish = publish == null ? List.of() : List.copyOf(publish);
    }

    /** Options for running {@code image} with its defaults and nothing else. */
    public static RunOptions of(String image, List<String> command) {
        return new RunOptions(image, command, null, null, null, null, null, null, null, null, null, null, null, false,
                null, false, false, false, true, false, null, null);
    }
}
