package dev.strata.cli.commands;

import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.container.RunOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options {@code create} and {@code run} share, with Docker's names. Not thread-safe: filled by one parse. */
final class RunFlags {
    boolean interactive;
    boolean tty;
    private String name;
    private List<String> env = List.of();
    private List<Path> envFiles = List.of();
    private String workdir;
    private String user;
    private String entrypoint;
    private String hostname;
    private List<String> labels = List.of();
    private List<String> volumes = List.of();
    private List<String> mounts = List.of();
    private List<String> tmpfs = List.of();
    private List<String> publish = List.of();
    private boolean publishAll;
    private String network;
    private boolean readOnly;
    boolean autoRemove;
    private String stopSignal;
    private Integer stopTimeout;
    private String image;
    private List<String> command = List.of();
    private String pull = "missing";

    /** Adds these options, the image and its command to a verb's syntax; options after the image are the command's. */
    Syntax declare(Syntax s) {
        return s.flag("-i, --interactive", "Keep STDIN open even if not attached", v -> interactive = v)
                .flag("-t, --tty", "Allocate a pseudo-TTY", v -> tty = v)
                .option("--name", "<name>", "Assign a name to the container", v -> name = v)
                .repeatable("-e, --env", "<env>", "Set environment variables", v -> env = v)
                .repeatablePath("--env-file", "<envFiles>", "Read in a file of environment variables", v -> envFiles = v)
                .option("-w, --workdir", "<workdir>", "Working directory inside the container", v -> workdir = v)
                .option("-u, --user", "<user>", "Username or UID (format: <name|uid>[:<group|gid>])", v -> user = v)
                .option("--entrypoint", "<entrypoint>", "Overwrite the default ENTRYPOINT of the image",
                        v -> entrypoint = v)
                .option("-h, --hostname", "<hostname>", "Container host name", v -> hostname = v)
                .repeatable("-l, --label", "<labels>", "Set meta data on a container", v -> labels = v)
                .repeatable("-v, --volume", "<volumes>", "Bind mount a volume", v -> volumes = v)
                .repeatable("--mount", "<mounts>", "Attach a filesystem mount to the container", v -> mounts = v)
                .repeatable("--tmpfs", "<tmpfs>", "Mount a tmpfs directory", v -> tmpfs = v)
                .repeatable("-p, --publish", "<publish>", "Publish a container's port(s) to the host", v -> publish = v)
                .flag("-P, --publish-all", "Publish all exposed ports to random ports", v -> publishAll = v)
                .option("--network, --net", "<network>", "Connect a container to a network (slirp4netns, none, host)",
                        v -> network = v)
                .flag("--read-only", "Mount the container's root filesystem as read only", v -> readOnly = v)
                .flag("--rm", "Automatically remove the container when it exits", v -> autoRemove = v)
                .option("--pull", "<string>", "Pull image before running (\"always\", \"missing\", \"never\") (default \"missing\")",
                        v -> pull = v)
                .option("--stop-signal", "<stopSignal>", "Signal to stop the container", v -> stopSignal = v)
                .intOption("--stop-timeout", "<stopTimeout>", "Timeout (in seconds) to stop a container",
                        v -> stopTimeout = v)
                .parameter("0", "1", "IMAGE", v -> image = v)
                .parameters("1..*", "0..*", "COMMAND", v -> command = v)
                .stopAtPositional();
    }

    /** {@code --pull}: when the image is pulled before the container is made ({@link ImagePolicy}). */
    String pullPolicy() {
        return pull;
    }

    /** The options as the engine takes them; {@code -e NAME} reads NAME from {@code hostEnv}, as Docker does. */
    RunOptions toOptions(boolean detach, Map<String, String> hostEnv) {
        List<String> environment = new ArrayList<>();
        for (Path file : envFiles) {
            environment.addAll(readEnvFile(file, hostEnv));
        }
        for (String e : env) {
            addEnv(environment, e, hostEnv);
        }
        Map<String, String> labelMap = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            labelMap.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return new RunOptions(image, command, name, environment, workdir, user, entrypoint, hostname, labelMap, volumes,
                mounts, tmpfs, publish, publishAll, network, readOnly, tty, interactive, detach, autoRemove, stopSignal,
                stopTimeout);
    }

    private static void addEnv(List<String> out, String entry, Map<String, String> hostEnv) {
        if (entry.contains("=")) {
            if (entry.startsWith("=")) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "invalid environment variable: " + entry);
            }
            out.add(entry);
        } else if (hostEnv.containsKey(entry)) {
            out.add(entry + "=" + hostEnv.get(entry));
        }
    }

    private static List<String> readEnvFile(Path file, Map<String, String> hostEnv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "open " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : e.getMessage()));
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.contains(" ") && !trimmed.contains("=")) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "variable '" + trimmed + "' contains whitespaces");
            }
            addEnv(out, trimmed, hostEnv);
        }
        return out;
    }
}
