package dev.strata.cli.commands;

import dev.strata.cli.LayerProgressPrinter;
import dev.strata.cli.Output;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows a pull or push as Docker does. On a terminal each layer has one line, rewritten in place as its status
 * changes (with a progress bar while bytes move); otherwise every status is one plain line and byte counts are
 * left out. Thread-safe: layers report from several threads.
 */
final class RemoteProgressPrinter implements ProgressListener {
    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, Integer> lineOf = new HashMap<>();
    private int lines;

    RemoteProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * What {@code pull} and {@code push} of {@code ref} show as they start: Docker's note when the name has no tag
     * (unless {@code -a} or {@code -q}), and the listener for their progress (none with {@code -q}).
     */
    static ProgressListener start(dev.strata.cli.Cli cli, dev.strata.core.oci.Reference ref, boolean allTags, boolean quiet) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        if (!allTags && ref.tag() == null && ref.digest() == null) {
            cli.out().println("Using default tag: latest");
        }
        return new RemoteProgressPrinter(cli.out(), cli.terminal().stdoutIsTerminal());
    }

    @Override
    public synchronized void onEvent(Event event) {
        switch (event) {
            case Event.Status s -> show(s.id(), s.id() == null ? s.status() : s.id() + ": " + s.status(), true);
            case Event.LayerProgress p -> {
                if (terminal) {
                    String id = p.layer().shortHex();
                    show(id, id + ": " + p.action() + " " + LayerProgressPrinter.bar(p.current(), p.total())
                            + "  " + Output.size(p.current()) + (p.total() > 0 ? "/" + Output.size(p.total()) : ""), false);
                }
            }
            case Event.LayerExists e -> { }
        }
        out.flush();
    }

    private void show(String id, String text, boolean plainToo) {
        if (!terminal) {
            if (plainToo) {
                out.println(text);
            }
            return;
        }
        Integer line = id == null ? null : lineOf.get(id);
        if (line == null) {
            if (id != null) {
                lineOf.put(id, lines);
            }
            out.print("\r\u001b[2K" + text + "\n");
            lines++;
            return;
        }
        int up = lines - line;
        out.print("\u001b[" + up + "A\r\u001b[2K" + text + "\r\u001b[" + up + "B");
    }
}
