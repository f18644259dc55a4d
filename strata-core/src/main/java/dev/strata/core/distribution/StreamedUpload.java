package dev.strata.core.distribution;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An upload whose bytes are made while they are sent, so compressing a layer and pushing it overlap: one {@code
 * PATCH} streams the whole blob (chunked transfer encoding, no {@code Content-Range}: Docker's "stream upload",
 * which the CNCF registry and ours accept), then {@code PUT ?digest=} closes it once the digest is known. The body
 * can be sent once only (it is not kept), so a registry that refuses it leaves the caller to upload the finished
 * blob the ordinary way. Not thread-safe: one caller, one blob.
 */
final class StreamedUpload {
    private final RemoteRepository repository;
    private final RegistryHttp http;
    private final List<Scope> scopes;
    private final String what;
    private String location;

    StreamedUpload(RemoteRepository repository, RegistryHttp http, List<Scope> scopes, String location, String what) {
        this.repository = repository;
        this.http = http;
        this.scopes = List.copyOf(scopes);
        this.location = location;
        this.what = what;
    }

    /**
     * Sends everything {@code body} yields (to its end) as the blob's bytes; throws if the registry does not take
     * them. An authentication retry cannot send the bytes again: it fails, and the caller falls back.
     */
    void send(InputStream body) {
        AtomicBoolean used = new AtomicBoolean();
        HttpResponse<InputStream> response = http.send(new RegistryHttp.Call("PATCH", location,
                Map.of("Content-Type", "application/octet-stream"),
                () -> HttpRequest.BodyPublishers.ofInputStream(() -> used.getAndSet(true) ? replayed() : body),
                scopes, false));
        RegistryHttp.drain(response);
        if (response.statusCode() != 202) {
            throw RegistryHttp.error(response, "cannot upload " + what);
        }
        location = response.headers().firstValue("Location").orElse(location);
    }

    /** Closes the upload as the blob {@code digest}; the registry checks the bytes it got against it. */
    void finish(Digest digest) {
        repository.finishUpload(location, digest, null, what);
    }

    /** Gives the upload up (best effort: registries expire abandoned uploads themselves). */
    void cancel() {
        repository.cancelUpload(location);
    }

    private static InputStream replayed() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("a streamed upload cannot be sent twice");
            }
        };
    }
}
