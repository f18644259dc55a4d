package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.engine.ImportRequest;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code import}: make an image from a root filesystem tarball (a file, a URL or stdin). */
public final class ImportCommand implements Callable<Integer> {
    private final Cli cli;
    private List<String> changes = List.of();
    private String message;
    private String platform;
    private String source;
    private String reference;

    private ImportCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        ImportCommand c = new ImportCommand(cli);
        return Syntax.of(c, "import", "Import the contents from a tarball to create a filesystem image")
                .repeatable("-c, --change", "<changes>", "Apply Dockerfile instruction to the created image",
                        v -> c.changes = v)
                .option("-m, --message", "<message>", "Set commit message for imported image", v -> c.message = v)
                .option("--platform", "<platform>", "Set platform if server is multi-platform capable",
                        v -> c.platform = v)
                .parameter("0", "1", "file|URL|-", v -> c.source = v)
                .parameter("1", "0..1", "REPOSITORY[:TAG]", v -> c.reference = v)
                .line();
    }

    @Override
    public Integer call() {
        Reference ref = reference == null ? null : Reference.parse(reference).withDefaultTag();
        ImportRequest.Opener opener = opener();
        Digest id = cli.engine().importImage(
                new ImportRequest(opener, source, ref, changes, message, platform()), ProgressListener.NONE);
        cli.out().println(id);
        return 0;
    }

    private Platform platform() {
        if (platform == null) {
            return null;
        }
        String[] parts = platform.split("/");
        if (parts.length < 2 || parts.length > 3) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "invalid platform \"" + platform + "\": use OS/ARCH[/VARIANT]");
        }
        return new Platform(parts[1], parts[0], parts.length == 3 ? parts[2] : null);
    }

    private ImportRequest.Opener opener() {
        if (source.equals("-")) {
            return cli::in;
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return () -> download(source);
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot import " + source + ": no such file");
        }
        return () -> {
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot import " + source + ": no such file");
            }
        };
    }

    private static InputStream download(String url) throws IOException {
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new StrataException(StrataException.Kind.NOT_FOUND,
                        "cannot import " + url + ": the server answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
    }
}
