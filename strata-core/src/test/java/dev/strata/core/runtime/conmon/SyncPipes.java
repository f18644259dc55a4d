package dev.strata.core.runtime.conmon;

import java.io.IOException;
import java.io.InputStream;

/** Test access to the package's sync pipe reader, for probes in other packages. */
public final class SyncPipes {
    private SyncPipes() {}

    /** The report's value and message, as text. */
    public static String read(InputStream pipe) throws IOException {
        SyncPipe report = SyncPipe.read(pipe);
        return report.value() + " " + report.message();
    }
}
