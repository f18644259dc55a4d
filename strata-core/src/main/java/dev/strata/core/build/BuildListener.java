package dev.strata.core.build;

import java.io.OutputStream;

/** Receives a build's events and its RUN steps' output; called from the building thread only. */
public interface BuildListener {
    void event(BuildEvent event);

    /** Where RUN steps' standard output goes, as it is written. */
    OutputStream stdout();

    /** Where RUN steps' standard error goes. */
    OutputStream stderr();
}
