package dev.strata.cli.commands;

import dev.strata.cli.Cli;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import}: make an image from a root filesystem tarball (a file, a URL or stdin). */
@Command(addMethodSubcommands = false, name = "import", description = "Import the contents from a tarball to create a filesystem image")
public final class ImportCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, description = "Set commit message for imported image")
    String message;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable")
    String platform;

    @Parameters(index = "0", paramLabel = "file|URL|-")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    public ImportCommand(Cli cli) {
        this.cli = cli;
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
