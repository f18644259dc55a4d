package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a layer's whiteout entries in the form overlayfs reads from a lower directory: {@code .wh.NAME}
 * becomes a 0/0 character device {@code NAME}, {@code .wh..wh..opq} the opaque attribute on its directory.
 * No file named {@code .wh.*} is ever created.
 */
final class WhiteoutEntry {
    private static final byte[] OPAQUE = {'y'};

    private final TargetTree tree;
    private final ApplyOptions options;

    WhiteoutEntry(TargetTree tree, ApplyOptions options) {
        this.tree = tree;
        this.options = options;
    }

    /**
     * @param parent the clean directory the entry is in
     * @param base the entry's base name, which starts with {@code .wh.}
     */
    void apply(TarEntry entry, String parent, String base) throws IOException {
        if (base.equals(Whiteouts.OPAQUE)) {
            tree.ensureDirectory(parent, entry.name()); // the layer may list the marker before (or without) its directory
            Xattrs.set(tree.resolve(parent), options.opaqueXattr(), OPAQUE);
            return;
        }
        if (base.startsWith(Whiteouts.META_PREFIX)) {
            return; // AUFS bookkeeping such as .wh..wh.plnk, meaningless here
        }
        String victim = base.substring(Whiteouts.PREFIX.length());
        if (victim.isEmpty()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot extract layer: entry "
                    + EntryNames.quote(entry.name()) + " is a whiteout that names nothing to delete");
        }
        if (victim.equals(".") || victim.equals("..")) {
            throw new UnsafeArchiveException(entry.name(), "is a whiteout for a path outside its directory");
        }
        tree.ensureDirectory(parent, entry.name());
        Path device = tree.resolve(EntryNames.join(parent, victim));
        try {
            Whiteouts.create(device);
            // the entry's time, not the moment of extraction: a layer written from this tree gives the whiteout back
            // as it came (the same bytes, the same diffID)
            PosixFiles.setTimes(device, entry.mtimeSeconds(), entry.mtimeNanos());
        } catch (ErrnoException e) {
            // Something this layer made is there already: whiteouts hide lower layers only, so it stays.
            if (e.errno() != ErrnoException.EEXIST) {
                throw e;
            }
        }
    }
}
