package dev.strata.core.snapshot.copy;

import dev.strata.core.StrataException;
import dev.strata.core.snapshot.overlay.LowerStack;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies the merged view of a stack of overlay-form snapshots (see {@link LowerStack}) into a plain directory: no
 * whiteouts, no opaque markers, every visible entry as {@link FileCopier} copies it. Regular files are copied for a
 * tree something will write ({@link Contents#COPIED}), or hard-linked to the snapshots' for a tree only read
 * ({@link Contents#LINKED}), which costs a walk. One instance per copy; not thread-safe.
 */
public final class MergedCopy {
    /** How regular files reach the copy. */
    public enum Contents {
        /** New files with the same contents: the copy may be written. */
        COPIED,
        /** Hard links to the snapshots' files: the copy must only be read. */
        LINKED
    }

    private final Contents contents;
    private final FileCopier files = new FileCopier();

    private MergedCopy(Contents contents) {
        this.contents = contents;
    }

    /**
     * Copies what {@code lowersTopFirst} show, merged, into {@code target}, an existing empty directory whose own
     * owner and mode stay as they are (as an overlay mount's root is its upper directory's).
     *
     * @throws StrataException of kind SYSTEM when an entry cannot be read or written (the disk is full, say)
     */
    public static void copy(List<Path> lowersTopFirst, Path target, Contents contents) {
        try {
            new MergedCopy(contents).directory(LowerStack.root(lowersTopFirst), target);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot copy the image's layers into " + target
                    + ": " + e.getMessage(), e);
        }
    }

    private void directory(List<Path> stack, Path to) throws IOException {
        for (String name : LowerStack.visible(stack).keySet()) {
            LowerStack.Lower lower = LowerStack.lookUp(stack, name);
            Path dst = to.resolve(name);
            FileStat stat = lower.stat();
            if (stat.isDirectory()) {
                PosixFiles.mkdir(dst, 0700);
                directory(lower.directories(), dst);
                files.metadata(lower.top(), dst, stat);
            } else if (contents == Contents.LINKED && stat.isRegularFile()) {
                PosixFiles.link(lower.top(), dst); // the snapshots' hard links stay hard links by themselves
            } else {
                files.copy(lower.top(), stat, dst);
            }
        }
    }
}
