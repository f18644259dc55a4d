package dev.strata.cli;

import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import java.io.PrintStream;

/** Draws Docker's per-layer progress lines ({@code Loading layer [====>   ]  1.2MB/3.4MB}) on a terminal. */
public final class LayerProgressPrinter implements ProgressListener {
    private static final int WIDTH = 50;

    private final PrintStream out;

    public LayerProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(Event event) {
        if (event instanceof Event.LayerProgress p) {
            String id = p.layer().shortHex();
            String bar = bar(p.current(), p.total());
            String amounts = Output.size(p.current()) + (p.total() > 0 ? "/" + Output.size(p.total()) : "");
            boolean done = p.total() > 0 && p.current() >= p.total();
            out.print("\r\u001b[2K" + id + ": " + p.action() + " " + bar + "  " + amounts + (done ? "\n" : ""));
            out.flush();
        }
    }

    /** Docker's progress bar: {@code [=====>     ]}, 50 wide; empty when the total is unknown. */
    public static String bar(long current, long total) {
        if (total <= 0) {
            return "";
        }
        int filled = (int) Math.min(WIDTH, WIDTH * current / total);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return b.append(']').toString();
    }
}
