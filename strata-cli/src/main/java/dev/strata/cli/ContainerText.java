package dev.strata.cli;

import dev.strata.core.GoQuote;
import dev.strata.cli.format.Units;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.HostSettings;
import dev.strata.core.oci.ImageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How {@code ps} and friends describe a container: Docker's STATUS, COMMAND and PORTS texts. */
public final class ContainerText {
    private ContainerText() {}

    /** "Up 5 seconds", "Up 2 minutes (Paused)", "Exited (0) 3 seconds ago", "Created". */
    public static String status(ContainerState state, Instant now) {
        return switch (state.status()) {
            case running -> "Up " + Units.humanDuration(Duration.between(time(state.startedAt()), now));
            case paused -> "Up " + Units.humanDuration(Duration.between(time(state.startedAt()), now)) + " (Paused)";
            case restarting -> "Restarting (" + state.exitCode() + ") "
                    + Units.humanDuration(Duration.between(time(state.finishedAt()), now)) + " ago";
            case removing -> "Removal In Progress";
            case dead -> "Dead";
            case created -> "Created";
            case exited -> state.finishedAt() == null || state.finishedAt().equals(ContainerState.NEVER)
                    ? "Exited (" + state.exitCode() + ")"
                    : "Exited (" + state.exitCode() + ") "
                            + Units.humanDuration(Duration.between(time(state.finishedAt()), now)) + " ago";
        };
    }

    /** The command as Docker lists it: path and arguments joined, Go-quoted, cut to 20 characters unless asked. */
    public static String command(Container c, boolean truncate) {
        String command = String.join(" ", c.record().command());
        return GoQuote.quote(truncate ? Output.ellipsis(command, 20) : command);
    }

    /** "127.0.0.1:3355->8080/tcp, 9000/tcp": published ports, then exposed ones nobody published. */
    public static String ports(Container c) {
        Map<String, List<String>> byPort = new TreeMap<>();
        for (HostSettings.PublishedPort p : c.state().ports()) { // as set up: ephemeral host ports filled in
            String key = p.containerPort() + "/" + p.protocol();
            if (c.state().status().isActive()) {
                byPort.computeIfAbsent(key, k -> new ArrayList<>()).add(p.hostIp() + ":" + p.hostPort() + "->" + key);
            }
        }
        List<String> out = new ArrayList<>();
        byPort.values().forEach(out::addAll);
        if (c.state().status().isActive() && c.record().config().exposedPorts() != null) {
            for (String exposed : c.record().config().exposedPorts().keySet()) {
                if (!byPort.containsKey(exposed)) {
                    out.add(exposed);
                }
            }
        }
        return String.join(", ", out);
    }

    static Instant time(String text) {
        return text == null || text.isEmpty() ? Instant.EPOCH : ImageConfig.parseTime(text);
    }
}
