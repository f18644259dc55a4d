package dev.strata.core.runtime.network;

import static dev.strata.core.runtime.JsonValues.path;

import dev.strata.core.StrataException;
import dev.strata.core.runtime.JsonValues;
import java.io.File;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts, configures and stops slirp4netns, the user-mode network stack that connects a container's own network
 * namespace to the host: it gives the namespace a {@code tap0} with an address of a {@link Subnet}, NAT to the
 * outside, a DNS forwarder, and forwards host ports into the container (published ports).
 *
 * <p>slirp4netns must outlive the Strata command that starts it, because containers run detached; so it is started
 * in a session of its own (through {@code setsid}, so a terminal's Ctrl-C or hang-up does not reach it), with no
 * {@code --exit-fd}, and found again later by its PID. Readiness is not signalled on a {@code --ready-fd} (a
 * process started from Java gets no descriptors but its standard three): slirp4netns binds its API socket only
 * after the namespace is configured, so the first answer on that socket means ready. Stateless and thread-safe.
 */
public final class Slirp4netns {
    /** util-linux's {@code setsid}, which execs in place (keeping the PID) when its caller leads no group. */
    public static final Path DEFAULT_SETSID = Path.of("/usr/bin/setsid");
    private static final int MAX_SOCKET_PATH = 107;

    private final Path binary;
    private final Path setsid;
    private final Duration timeout;
    private final SlirpApi api;
    private final HostPorts hostPorts = new HostPorts();

    /** slirp4netns at {@code binary}, detached with {@link #DEFAULT_SETSID} if it exists, ten seconds to start. */
    public Slirp4netns(Path binary) {
        this(binary, Files.isExecutable(DEFAULT_SETSID) ? DEFAULT_SETSID : null, Duration.ofSeconds(10));
    }

    /**
     * @param setsid util-linux {@code setsid}, or null to leave slirp4netns in Strata's session
     * @param timeout how long slirp4netns may take to start, to answer a request, or to stop
     */
    public Slirp4netns(Path binary, Path setsid, Duration timeout) {
        this.binary = binary;
        this.setsid = setsid;
        this.timeout = timeout;
        this.api = new SlirpApi(timeout);
    }

    /** Starts slirp4netns with the default options; see {@link #start(Path, NetworkMode.Slirp4netns, Path, Path)}. */
    public SlirpProcess start(Path netnsFile, Path apiSocket, Path logFile) {
        return start(netnsFile, new NetworkMode.Slirp4netns(), apiSocket, logFile);
    }

    /**
     * Starts slirp4netns for the network namespace kept at {@code netnsFile} and returns once {@code tap0} is
     * configured (an address of the mode's subnet, default route, MTU 65520) and {@code apiSocket} answers. Unless
     * the mode allows it, the container cannot reach the host's loopback through the gateway
     * ({@code --disable-host-loopback}). slirp4netns runs sandboxed (own mount namespace with only the host's
     * {@code /etc} and {@code /run}, capabilities dropped but binding low ports) under a seccomp filter. Its DNS
     * forwarder ({@link Subnet#dns()}) asks the host's resolvers, loopback ones included, as DNS must.
     *
     * @param apiSocket where slirp4netns listens for requests; at most 107 bytes long
     * @param logFile where its output is appended
     * @throws StrataException {@code SYSTEM} if it is missing, exits, or is not ready within the timeout (then it
     *     is killed)
     */
    public SlirpProcess start(Path netnsFile, NetworkMode.Slirp4netns mode, Path apiSocket, Path logFile) {
        if (!Files.isExecutable(binary)) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot start slirp4netns: " + binary
                    + " is not an executable file (install the Debian package slirp4netns, or use --network host"
                    + " or none)");
        }
        String socketPath = apiSocket.toAbsolutePath().toString();
        if (socketPath.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot start slirp4netns: the API socket"
                    + " path " + socketPath + " is longer than a unix socket address allows (107 bytes); use a"
                    + " shorter --root");
        }
        List<String> command = new ArrayList<>();
        if (setsid != null) {
            command.add(setsid.toString());
        }
        command.addAll(List.of(binary.toString(), "--configure", "--mtu=65520"));
        if (!mode.allowHostLoopback()) {
            command.add("--disable-host-loopback");
        }
        command.addAll(List.of("--enable-sandbox", "--enable-seccomp", "--cidr=" + mode.subnet(),
                "--netns-type=path", "--api-socket=" + socketPath, netnsFile.toAbsolutePath().toString(), "tap0"));
        long logStart = logSize(logFile);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot start slirp4netns: " + e.getMessage()
                    + " (install the Debian package slirp4netns, or use --network host or none)", e);
        }
        SlirpProcess started = new SlirpProcess((int) process.pid(), mode.subnet(), apiSocket, logFile);
        awaitReady(process, started, logStart);
        return started;
    }

    /**
     * Forwards {@code mapping}'s host address into the container (to its {@code tap0} address). A host port of 0
     * is replaced by a free one. UDP works both ways only if the mode allows host loopback, see
     * {@link NetworkMode.Slirp4netns}.
     *
     * @return the mapping as set up, with its host port decided
     * @throws StrataException {@code CONFLICT} "port is already allocated" if something listens there already;
     *     {@code UNSUPPORTED} for an IPv6 host address; {@code INVALID_ARGUMENT} for an address the host lacks
     */
    public PortMapping forward(Path apiSocket, PortMapping mapping) {
        hostPorts.checkUsable(mapping);
        boolean chooseFree = mapping.hostPort() == 0;
        // A port found free may be taken before slirp4netns binds it; then pick another.
        for (int attempt = 1; ; attempt++) {
            PortMapping wanted = chooseFree ? mapping.withHostPort(hostPorts.freePort(mapping)) : mapping;
            SlirpApi.Reply reply = call(apiSocket, Map.of("execute", "add_hostfwd", "arguments", Map.of(
                    "proto", wanted.protocol(),
                    "host_addr", wanted.hostIp(),
                    "host_port", wanted.hostPort(),
                    "guest_port", wanted.containerPort())), "publish " + wanted.hostAddress());
            switch (reply) {
                case SlirpApi.Reply.Ok ok -> {
                    return wanted;
                }
                case SlirpApi.Reply.Failed failed -> {
                    if (hostPorts.inUse(wanted)) {
                        if (chooseFree && attempt < 5) {
                            continue;
                        }
                        throw new StrataException(StrataException.Kind.CONFLICT, "cannot publish "
                                + wanted.hostAddress() + ": port is already allocated (choose another host port,"
                                + " or leave it out to get a free one)");
                    }
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot publish " + wanted.hostAddress()
                            + ": slirp4netns refused: " + failed.description());
                }
            }
        }
    }

    /** The forwards slirp4netns has in place, in the order they were added. */
    public List<PortMapping> forwards(Path apiSocket) {
        SlirpApi.Reply reply = call(apiSocket, Map.of("execute", "list_hostfwd"), "list published ports");
        if (!(reply instanceof SlirpApi.Reply.Ok ok)) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot list published ports: slirp4netns"
                    + " refused: " + ((SlirpApi.Reply.Failed) reply).description());
        }
        List<PortMapping> mappings = new ArrayList<>();
        for (Object entry : JsonValues.elements(path(ok.value(), "entries"))) {
            mappings.add(new PortMapping(JsonValues.text(path(entry, "host_addr")),
                    JsonValues.intValue(path(entry, "host_port")), JsonValues.intValue(path(entry, "guest_port")),
                    JsonValues.text(path(entry, "proto"))));
        }
        return List.copyOf(mappings);
    }

    /**
     * Stops the slirp4netns with process ID {@code pid}: SIGTERM, then SIGKILL if it lingers past the timeout.
     * A PID that no longer names a slirp4netns (it exited and the number was reused) is left alone. Killed, it
     * leaves its API socket file behind, for the container directory's removal to take.
     *
     * @return whether a slirp4netns was running and has been stopped
     */
    public boolean stop(int pid) {
        return new ProcessStopper(timeout).stop(pid, processName());
    }

    /**
     * Stops every slirp4netns that serves the network namespace kept at {@code netnsFile}, found by that path on
     * its command line: for the clean-up after a container whose starting process died before recording the PID.
     *
     * @return how many were stopped
     */
    public int stopAll(Path netnsFile) {
        String wanted = netnsFile.toAbsolutePath().toString();
        ProcessStopper stopper = new ProcessStopper(timeout);
        int stopped = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (arguments(process).contains(wanted)
                        && stopper.stop(Integer.parseInt(process.getFileName().toString()), processName())) {
                    stopped++;
                }
            }
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot stop the slirp4netns of " + netnsFile
                    + ": cannot list processes: " + e.getMessage(), e);
        }
        return stopped;
    }

    private static List<String> arguments(Path process) {
        try {
            return List.of(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .split("\0"));
        } catch (IOException e) {
            return List.of(); // it ended meanwhile, or is not ours to read
        }
    }

    private SlirpApi.Reply call(Path apiSocket, Object request, String action) {
        try {
            return api.call(apiSocket, request);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + ": slirp4netns does not"
                    + " answer on " + apiSocket + ": " + e.getMessage() + " (is the container running?)", e);
        }
    }

    /** Polls the API socket until it answers, watching the process so that a failed start is reported at once. */
    private void awaitReady(Process process, SlirpProcess started, long logStart) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        try {
            while (true) {
                if (process.waitFor(pause, TimeUnit.MILLISECONDS)) {
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot start slirp4netns: it exited with"
                            + " status " + process.exitValue() + ": " + lastLines(started.logFile(), logStart));
                }
                if (Files.exists(started.apiSocket()) && answers(started.apiSocket())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot start slirp4netns: not ready"
                            + " within " + timeout.toMillis() + " ms: " + lastLines(started.logFile(), logStart));
                }
                pause = Math.min(pause * 2, 50);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot start slirp4netns: interrupted", e);
        }
    }

    private boolean answers(Path apiSocket) {
        try {
            return api.call(apiSocket, Map.of("execute", "list_hostfwd")) instanceof SlirpApi.Reply.Ok;
        } catch (IOException e) {
            return false; // not listening yet, or a stale socket file of an earlier run
        }
    }

    /** The kernel's name of the process (its {@code comm}): the executable's file name, cut to 15 bytes. */
    private String processName() {
        String name = binary.getFileName().toString();
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    /**
     * What this run of slirp4netns wrote to its (appended) log: the last lines, or for a usage error the lines
     * before its help text, which say what was wrong.
     */
    private static String lastLines(Path log, long from) {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(from);
            List<String> lines = new String(Channels.newInputStream(channel).readAllBytes(),
                    StandardCharsets.UTF_8).lines().takeWhile(l -> !l.startsWith("Usage: ")).toList();
            return String.join("; ", lines.subList(Math.max(0, lines.size() - 5), lines.size()))
                    + " (log: " + log + ")";
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static long logSize(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
