package dev.strata.core.volume;

import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Staging and trash directories of volumes that a killed strata process left behind. Each is named after the
 * process that made it, so a live process's work in progress is never mistaken for a leftover.
 */
final class Leftovers {
    private Leftovers() {}

    /** A name part unique to this process and call: the PID, then random hex. */
    static String unique(RandomGenerator random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Deletes the staging and trash directories of processes that are no longer alive. */
    static void remove(VolumeLayout layout) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.volumes(),
                p -> VolumeLayout.isLeftover(p.getFileName().toString()))) {
            for (Path entry : entries) {
                if (!ownerAlive(entry.getFileName().toString())) {
                    FileTrees.delete(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // no volumes directory yet: nothing left over
        } catch (IOException e) {
            // Leftovers waste space but hurt nothing; the next change tries again.
        }
    }

    private static boolean ownerAlive(String fileName) {
        int start = fileName.indexOf('-') + 1;
        int end = fileName.indexOf('-', start);
        if (start <= 0 || end < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(fileName.substring(start, end));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
