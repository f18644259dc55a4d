package dev.strata.core.build.context;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a context file's content for hashing: the one place file bytes are read, so that a test can count them.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ContentOpener {
    /** Reads the file itself; a symbolic link in its place is refused, never followed. */
    ContentOpener FILES = file -> FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    ReadableByteChannel open(Path file) throws IOException;
}
