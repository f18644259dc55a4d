package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The workload the launcher runs once after a build to record the ahead-of-time class cache: the everyday
 * commands against a throwaway store, in one JVM, so their classes load ready-linked on every later start.
 */
public final class AotTraining {
    private AotTraining() {}

    /**
     * {@code AotTraining DIR} runs every everyday command with a store under DIR (left there for the next
     * training); {@code AotTraining DIR images} only lists that store's images, for the small cache the
     * launcher uses for {@code images}, whose start-up time matters most.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        String store = root.resolve("store").toString();
        if (args.length > 1 && args[1].equals("images")) {
            run(store, new String[][] {{"images"}, {"images", "-q"}, {"images", "--format", "{{.ID}}"}});
            return;
        }
        Files.createDirectories(root);
        Path tar = root.resolve("rootfs.tar");
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            byte[] content = "trained\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("etc/hello");
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        Path archive = root.resolve("saved.tar");
        run(store, new String[][] {
            {"import", "-c", "CMD [\"sh\"]", tar.toString(), "training:1"},
            {"images"},
            {"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"},
            {"image", "inspect", "training:1"},
            {"inspect", "-f", "{{.Id}}", "training:1"},
            {"history", "training:1"},
            {"tag", "training:1", "training:2"},
            {"save", "-o", archive.toString(), "training:1"},
            {"rmi", "training:1", "training:2"},
            {"load", "-i", archive.toString()},
            {"system", "df"},
            {"images", "-q"},
        });
    }

    /** Runs each command in this JVM against the store, output discarded. */
    private static void run(String store, String[][] commands) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (String[] command : commands) {
            String[] full = new String[command.length + 2];
            full[0] = "--root";
            full[1] = store;
            System.arraycopy(command, 0, full, 2, command.length);
            Main.run(full, new java.io.ByteArrayInputStream(new byte[0]), sink, new ByteArrayOutputStream(), sink,
                    Map.of(), Terminal.of(false, false));
        }
    }
}
