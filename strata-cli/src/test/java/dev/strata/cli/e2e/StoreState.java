package dev.strata.cli.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A listing of a store's visible files, to prove a failed command changed nothing. */
final class StoreState {
    private StoreState() {}

    /** Every path under the root except scratch space and lock files, sorted. */
    static List<String> visible(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString())
                    .filter(p -> !p.isEmpty() && !p.startsWith("ingest") && !p.startsWith("locks"))
                    .sorted().toList();
        }
    }

    /** Files left in scratch space, lock files aside. */
    static List<String> leftovers(Path root) throws IOException {
        Path ingest = root.resolve("ingest");
        if (!Files.exists(ingest)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(ingest)) {
            return all.filter(p -> !Files.isDirectory(p) && !p.getFileName().toString().equals(".lock"))
                    .map(p -> ingest.relativize(p).toString()).sorted().toList();
        }
    }
}
