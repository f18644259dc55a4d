package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.Layer;
import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Writes files of a layout directory whole or not at all: into a temporary sibling, then one rename. */
final class LayoutFiles {
    private LayoutFiles() {}

    /** Writes {@code bytes} to {@code target}, replacing what is there. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.write(target, bytes);
    }

    /** Copies a layer's blob to {@code target}, zero-copy when the layer is a local file; checks the size. */
    static void copyLayer(Layer layer, Path target) throws IOException {
        long expected = layer.descriptor().size();
        Path temp = AtomicFiles.createSibling(target);
        try {
            long copied;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                Optional<Path> file = layer.file();
                copied = file.isPresent() ? transfer(file.get(), out, expected) : stream(layer, out);
                out.force(false);
            }
            if (copied != expected) {
                throw new StrataException(StrataException.Kind.CORRUPT, "cannot copy layer " + layer.descriptor().digest()
                        + ": it is " + copied + " bytes, but its descriptor says " + expected);
            }
            publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long transfer(Path source, FileChannel out, long expected) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = in.size();
            if (size != expected) {
                return size;
            }
            long position = 0;
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
            return position;
        }
    }

    private static long stream(Layer layer, FileChannel out) throws IOException {
        try (InputStream in = layer.open(); OutputStream sink = Channels.newOutputStream(out)) {
            return in.transferTo(sink);
        }
    }

    private static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
