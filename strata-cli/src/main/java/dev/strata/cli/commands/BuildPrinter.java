package dev.strata.cli.commands;

import dev.strata.core.build.BuildEvent;
import dev.strata.core.build.BuildListener;
import dev.strata.core.oci.Digest;
import java.io.OutputStream;
import java.io.PrintStream;

/** Prints a build's events as Docker's classic builder does; RUN output goes to the same stream, as it comes. */
final class BuildPrinter implements BuildListener {
    private final PrintStream out;

    BuildPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void event(BuildEvent event) {
        switch (event) {
            case BuildEvent.Step s -> out.println("Step " + s.number() + "/" + s.total() + " : " + s.instruction());
            case BuildEvent.Triggers t -> out.println("# Executing " + t.count() + " build trigger"
                    + (t.count() == 1 ? "" : "s"));
            case BuildEvent.CacheHit c -> out.println(" ---> Using cache");
            case BuildEvent.Running r -> out.println(" ---> Running in " + r.containerId());
            case BuildEvent.ContainerRemoved r -> out.println("Removing intermediate container " + r.containerId());
            case BuildEvent.StepImage i -> out.println(" ---> " + (i.image() == null ? "" : shortId(i.image())));
            case BuildEvent.Warning w -> out.println(w.message());
            case BuildEvent.Built b -> out.println("Successfully built " + shortId(b.image()));
            case BuildEvent.Tagged t -> out.println("Successfully tagged " + t.reference());
        }
        out.flush();
    }

    private static String shortId(Digest id) {
        return id.encoded().substring(0, 12);
    }

    @Override
    public OutputStream stdout() {
        return out;
    }

    @Override
    public OutputStream stderr() {
        return out;
    }

    void flush() {
        out.flush();
    }
}
