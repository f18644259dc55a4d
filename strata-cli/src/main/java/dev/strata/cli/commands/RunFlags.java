package dev.strata.cli.commands;

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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code create} and {@code run} share, with Docker's names. */
public final class RunFlags {
    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
    boolean tty;

    @Option(names = "--name", description = "Assign a name to the container")
    String name;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", description = "Read in a file of environment variables")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
    String workdir;

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: <name|uid>[:<group|gid>])")
    String user;

    @Option(names = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image")
    String entrypoint;

    @Option(names = {"-h", "--hostname"}, description = "Container host name")
    String hostname;

    @Option(names = {"-l", "--label"}, description = "Set meta data on a container")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, description = "Bind mount a volume")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--mount", description = "Attach a filesystem mount to the container")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--tmpfs", description = "Mount a tmpfs directory")
    List<String> tmpfs = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, description = "Publish a container's port(s) to the host")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports")
    boolean publishAll;

    @Option(names = {"--network", "--net"}, description = "Connect a container to a network (slirp4netns, none, host)")
    String network;

    @Option(names = "--read-only", description = "Mount the container's root filesystem as read only")
    boolean readOnly;

    @Option(names = "--rm", description = "Automatically remove the container when it exits")
    boolean autoRemove;

    @Option(names = "--stop-signal", description = "Signal to stop the container")
    String stopSignal;

    @Option(names = "--stop-timeout", description = "Timeout (in seconds) to stop a container")
    Integer stopTimeout;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
    List<String> command = new ArrayList<>();

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
