package dev.strata.cli;

import dev.strata.core.engine.Containers;
import dev.strata.core.runtime.conmon.Attachment;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.RawTerminal;
import dev.strata.core.sys.Terminals;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CLI's side of an attached container: the user's terminal in raw mode for a {@code -t} container (restored
 * afterwards), its window size passed on at start and on every SIGWINCH, the signals this process gets passed on
 * to a container without a terminal, and the streams pumped until the container ends.
 */
public final class Attach {
    private Attach() {}

    /**
     * Docker's check before attaching a {@code -it} container or exec: its input must come from a terminal, since
     * the container's terminal would otherwise read and echo bytes meant as a stream.
     */
    public static void requireTerminalInput(Cli cli, boolean stdin, boolean tty) {
        if (stdin && tty && !cli.terminal().stdinIsTerminal()) {
            throw new dev.strata.core.StrataException(dev.strata.core.StrataException.Kind.INVALID_ARGUMENT,
                    "the input device is not a TTY");
        }
    }

    public static void pump(Cli cli, Containers containers, String id, Attachment attachment, boolean tty) {
        boolean realTerminal = tty && cli.terminal().stdinIsTerminal();
        RawTerminal raw = null;
        // Docker's --sig-proxy: without a terminal (whose ^C reaches the container as a key) signals are passed on
        Runnable stopProxy = tty ? () -> {} : proxySignals(containers, id);
        try {
            if (realTerminal) {
                raw = Terminals.rawMode(Terminals.STDIN);
                resize(containers, id);
                watchWindow(containers, id);
            }
            attachment.pump(cli.in(), cli.out(), cli.err());
        } catch (ErrnoException e) {
            throw new UncheckedIOException(new IOException("cannot put the terminal in raw mode: " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopProxy.run();
            if (raw != null) {
                raw.close();
            }
            cli.out().flush();
            cli.err().flush();
        }
    }

    private static void resize(Containers containers, String id) {
        Terminals.windowSize(Terminals.STDOUT).ifPresent(size -> {
            try {
                containers.resize(id, size);
            } catch (RuntimeException e) {
                // the container may have ended already
            }
        });
    }

    /** Sends the signals this process gets to the container until the returned action restores their handlers. */
    @SuppressWarnings("removal")
    private static Runnable proxySignals(Containers containers, String id) {
        java.util.Map<sun.misc.Signal, sun.misc.SignalHandler> previous = new java.util.LinkedHashMap<>();
        for (String name : PROXIED_SIGNALS) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                previous.put(signal, sun.misc.Signal.handle(signal, s -> {
                    try {
                        containers.kill(id, "SIG" + name);
                    } catch (RuntimeException e) {
                        // the container has ended meanwhile
                    }
                }));
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal for itself on this platform
            }
        }
        return () -> previous.forEach(sun.misc.Signal::handle);
    }

    private static final java.util.List<String> PROXIED_SIGNALS = java.util.List.of("INT", "TERM", "HUP", "USR1", "USR2");

    @SuppressWarnings("removal")
    private static void watchWindow(Containers containers, String id) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> resize(containers, id));
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this platform: the size stays as it was at start
        }
    }
}
