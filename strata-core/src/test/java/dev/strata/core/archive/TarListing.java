package dev.strata.core.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar back with Commons Compress, an independent reader, for assertions on what was written. */
final class TarListing {
    record Item(TarArchiveEntry entry, byte[] content) {
        String name() {
            return entry.getName();
        }
    }

    private TarListing() {}

    static List<Item> read(byte[] tar) {
        List<Item> items = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                items.add(new Item(entry, in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    static List<String> names(byte[] tar) {
        return read(tar).stream().map(Item::name).toList();
    }

    static Item item(byte[] tar, String name) {
        return read(tar).stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name + " in " + names(tar)));
    }
}
