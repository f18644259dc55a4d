package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileTrees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes a {@link BuildContext} from each kind of source Docker accepts. Temporary contexts (tar, git, URL) are
 * unpacked into fresh directories under a scratch directory the caller owns (the store's ingest area, on the
 * same file system as the snapshots), never outside it. Thread-safe.
 */
public final class ContextOpener {
    private final Path scratch;
    private final Supplier<HttpClient> http;
    private final GitCheckout git;
    private final Supplier<InputStream> stdin;

    /**
     * @param scratch an existing directory to unpack temporary contexts in
     * @param http makes the client that downloads URL contexts, when one is needed (making one costs a cold JVM
     *     some 150 ms, which a local build should not pay)
     * @param gitExecutable the {@code git} program, by name or path
     * @param stdin the standard input, read for {@code -}
     */
    public ContextOpener(Path scratch, Supplier<HttpClient> http, String gitExecutable, Supplier<InputStream> stdin) {
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.http = Objects.requireNonNull(http, "http");
        this.git = new GitCheckout(Objects.requireNonNull(gitExecutable, "gitExecutable"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /** Opens whatever {@code spec} names. */
    public BuildContext open(ContextSpec spec) {
        return switch (spec) {
            case ContextSpec.LocalDirectory local -> BuildContext.directory(local.path());
            case ContextSpec.Stdin ignored -> tar(stdin.get(), "stdin");
            case ContextSpec.Git repository -> git(repository.url());
            case ContextSpec.Remote remote -> url(remote.uri());
        };
    }

    /**
     * A context from a tar stream (plain, gzip, bzip2, xz or zstd), or from a lone Dockerfile if the stream is not
     * an archive; {@code in} is read to its end, not closed.
     *
     * @throws dev.strata.core.archive.UnsafeArchiveException for an entry that would land outside the context
     */
    public BuildContext tar(InputStream in, String source) {
        Path dir = newDirectory("tar");
        try {
            BufferedInputStream peekable = TarStreams.peekable(in);
            if (TarStreams.isArchive(peekable)) {
                TarStreams.extract(peekable, dir);
                return BuildContext.temporary(dir, dir, "tar archive from " + source, null);
            }
            String dockerfile = TarStreams.dockerfileText(peekable, source);
            return BuildContext.temporary(dir, dir, "Dockerfile from " + source, dockerfile);
        } catch (IOException e) {
            remove(dir);
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "unable to prepare context: cannot read the build context from " + source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            remove(dir);
            throw e;
        }
    }

    /** A context checked out from a git repository, {@code #ref:subdir} applied. */
    public BuildContext git(GitUrl url) {
        Path dir = newDirectory("git");
        try {
            Path checkout = dir.resolve("checkout");
            git.checkout(url, checkout);
            Path root = checkout;
            if (!url.subdir().isEmpty()) {
                ScopedPaths.Resolved sub = ScopedPaths.resolve(checkout, url.subdir());
                root = sub.path().isEmpty() ? checkout : checkout.resolve(sub.path());
                if (!sub.exists() || !Files.isDirectory(root)) {
                    throw new StrataException(StrataException.Kind.NOT_FOUND, "unable to prepare context: error setting"
                            + " git context, not a directory: " + url.subdir());
                }
            }
            return BuildContext.temporary(root, dir, "git repository " + url, null);
        } catch (IOException e) {
            remove(dir);
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            remove(dir);
            throw e;
        }
    }

    /** A context downloaded from {@code uri}: a tarball, or a lone Dockerfile served as text. */
    public BuildContext url(URI uri) {
        HttpResponse<InputStream> response;
        try {
            response = http.get().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: error downloading remote"
                    + " context " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new StrataException(status == 404 ? StrataException.Kind.NOT_FOUND : StrataException.Kind.SYSTEM,
                        "unable to prepare context: error downloading remote context " + uri + ": failed to GET " + uri
                                + " with status " + status);
            }
            return tar(body, uri.toString());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: error downloading remote"
                    + " context " + uri + ": " + e.getMessage(), e);
        }
    }

    private Path newDirectory(String kind) {
        try {
            return Files.createTempDirectory(scratch, "context-" + kind + "-");
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "unable to prepare context: cannot create a"
                    + " directory in " + scratch + ": " + e.getMessage(), e);
        }
    }

    private static void remove(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // the scratch area is swept when the next strata command starts
        }
    }
}
