package dev.strata.core.image.dockerarchive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The entries of a tar, parsed by Commons Compress (not by our own code), in order. */
record TarEntries(List<TarArchiveEntry> headers, Map<String, byte[]> contents) {
    static TarEntries of(byte[] tar) {
        List<TarArchiveEntry> headers = new ArrayList<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                headers.add(entry);
                contents.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TarEntries(headers, contents);
    }

    List<String> names() {
        return headers.stream().map(TarArchiveEntry::getName).toList();
    }

    String text(String name) {
        return new String(contents.get(name), StandardCharsets.UTF_8);
    }
}
