package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.runtime.rootfs.ContainerArchive;
import dev.strata.core.runtime.rootfs.ExtractOptions;
import dev.strata.core.runtime.rootfs.Ownership;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;

/**
 * {@code cp}: copy between a container and the host, either way, with Docker's rules; {@code -} is a tar on
 * stdin or stdout. Paths in the container are resolved inside its root: a symbolic link there cannot lead out.
 */
public final class CpCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean archive;
    private boolean followLink;
    private boolean quiet;
    private String source;
    private String destination;

    private CpCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        CpCommand c = new CpCommand(cli);
        return Syntax.of(c, "cp", "Copy files/folders between a container and the local filesystem")
                .flag("-a, --archive", "Archive mode (copy all uid/gid information)", v -> c.archive = v)
                .flag("-L, --follow-link", "Always follow symbol link in SRC_PATH", v -> c.followLink = v)
                .flag("-q, --quiet", "Suppress progress output during copy", v -> c.quiet = v)
                .parameter("0", "1", "SRC_PATH", v -> c.source = v)
                .parameter("1", "1", "DEST_PATH", v -> c.destination = v)
                .line();
    }

    @Override
    public Integer call() throws IOException {
        String[] from = split(source);
        String[] to = split(destination);
        if ((from == null) == (to == null)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, from == null
                    ? "must specify at least one container source" : "copying between containers is not supported");
        }
        var containers = cli.engine().containers();
        ContainerArchive archives = new ContainerArchive();
        if (from != null) {
            containers.withFilesystem(from[0], from[1], false, root -> {
                copyOut(archives, root, from[1]);
                return null;
            });
        } else {
            ExtractOptions options = archive ? ExtractOptions.dockerCp().withOwnership(Ownership.fromArchive())
                    : ExtractOptions.dockerCp();
            containers.withFilesystem(to[0], to[1], true, root -> {
                try {
                    if (source.equals("-")) {
                        archives.copyIn(root, to[1], cli.in(), options);
                    } else {
                        archives.copyIn(root, to[1], source, followLink, options);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        }
        return 0;
    }

    private void copyOut(ContainerArchive archives, Path root, String path) {
        try {
            if (destination.equals("-")) {
                archives.copyOut(root, path, followLink, cli.rawOut());
                cli.rawOut().flush();
                return;
            }
            Path target = Path.of(destination).toAbsolutePath();
            Path parent = target.getParent();
            boolean intoDirectory = Files.isDirectory(target);
            if (!intoDirectory && !Files.isDirectory(parent)) {
                throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot copy to " + destination
                        + ": no such directory " + parent);
            }
            Path staging = Files.createTempDirectory(intoDirectory ? target : parent, ".strata-cp-");
            try {
                extract(archives, root, path, staging);
                // DIR/. archives the directory's entries, not the directory: they go into the target, made if need be
                boolean contents = path.endsWith("/.");
                if (contents && !intoDirectory) {
                    Files.createDirectory(target);
                }
                try (var entries = Files.list(staging)) {
                    for (Path entry : entries.toList()) {
                        move(entry, intoDirectory || contents ? target.resolve(entry.getFileName()) : target);
                    }
                }
            } finally {
                FileTrees.delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void extract(ContainerArchive archives, Path root, String path, Path staging) throws IOException {
        ExtractOptions options = new ExtractOptions(archive ? Ownership.fromArchive() : Ownership.root(), true);
        try (PipedInputStream in = new PipedInputStream(1 << 16); PipedOutputStream out = new PipedOutputStream(in)) {
            FutureTask<Void> writer = new FutureTask<>(() -> {
                try (out) {
                    archives.copyOut(root, path, followLink, out);
                }
                return null;
            });
            Thread.ofVirtual().start(writer);
            archives.copyIn(Path.of("/"), staging.toString(), in, options);
            writer.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Puts a copied entry in place; a directory merges into an existing one, as {@code docker cp} does. */
    private static void move(Path entry, Path place) throws IOException {
        if (Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(entry)) {
                for (Path child : children.toList()) {
                    move(child, place.resolve(child.getFileName()));
                }
            }
            return;
        }
        if (Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
            throw new StrataException(StrataException.Kind.CONFLICT, "cannot overwrite directory " + place
                    + " with non-directory");
        }
        Files.move(entry, place, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code CONTAINER:PATH} as [container, path]; null for a host path (absolute or relative, or {@code -}). */
    private static String[] split(String arg) {
        if (arg.equals("-") || arg.startsWith("/") || arg.startsWith(".")) {
            return null;
        }
        int colon = arg.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
    }
}
