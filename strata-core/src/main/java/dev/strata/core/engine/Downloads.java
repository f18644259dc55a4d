package dev.strata.core.engine;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an {@code ADD https://...} step downloads, in a directory of their own that the step then copies
 * from like a context: each named after the URL's last path segment, mode 0600, dated by the server's
 * {@code Last-Modified} when it sends one (as Docker does). Closing removes them.
 */
final class Downloads implements AutoCloseable {
    private final Path directory;
    private final List<String> names;

    private Downloads(Path directory, List<String> names) {
        this.directory = directory;
        this.names = List.copyOf(names);
    }

    static Downloads fetch(Path directory, List<String> urls) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        List<String> names = new ArrayList<>();
        for (String url : urls) {
            URI uri = URI.create(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty() || names.contains(name)) {
                name = "download-" + names.size();
            }
            Path file = directory.resolve(name);
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new StrataException(StrataException.Kind.NOT_FOUND, "failed to GET " + url
                                + " with status " + response.statusCode());
                    }
                    Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                var modified = response.headers().firstValue("Last-Modified");
                if (modified.isPresent()) {
                    try {
                        Files.setLastModifiedTime(file, FileTime.from(
                                ZonedDateTime.parse(modified.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                    } catch (java.time.format.DateTimeParseException e) {
                        // a date the server garbled: the file keeps the time it was written
                    }
                }
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot download " + url + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot download " + url + ": interrupted", e);
            }
            names.add(name);
        }
        return new Downloads(directory, names);
    }

    Path directory() {
        return directory;
    }

    /** The downloaded files' names, in the order of the URLs. */
    List<String> names() {
        return names;
    }

    @Override
    public void close() {
        try {
            dev.strata.core.content.Scratch.deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
