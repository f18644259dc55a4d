package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One repository of a registry, one method per endpoint of the distribution spec: manifests, blobs, uploads
 * (monolithic, chunked, cross-repository mount) and tags. Thread-safe.
 */
public final class RemoteRepository {
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
    private static final int MAX_MANIFEST = 4 << 20;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryHttp http;
    private final String path;
    private final List<Scope> scopes;
    private final UploadPolicy uploads;

    /** When to upload in chunks, and how big they are. */
    public record UploadPolicy(long chunkAbove, long chunkSize) {
        public static final UploadPolicy DEFAULT = new UploadPolicy(512L << 20, 128L << 20);
    }

    /**
     * Whether pushes should go up in chunks of a set size (a smaller chunk size than the default was asked for, as
     * for a proxy that limits request sizes): then a layer is compressed into the store first and uploaded in
     * chunks, instead of being streamed in one request as it is compressed.
     */
    boolean wantsChunks() {
        return uploads.chunkAbove() < UploadPolicy.DEFAULT.chunkAbove();
    }

    RemoteRepository(RegistryHttp http, String path, boolean push, UploadPolicy uploads) {
        this.http = http;
        this.path = path;
        this.scopes = List.of(push ? Scope.push(path) : Scope.pull(path));
        this.uploads = uploads;
    }

    /** The registry host as the user names it ({@code docker.io}, {@code localhost:5000}). */
    public String host() {
        return http.host();
    }

    /** The repository's path on the registry ({@code library/busybox}). */
    public String path() {
        return path;
    }

    /**
     * The manifest or index a tag or digest names, digest-checked when the reference is a digest. {@code what}
     * names it in Docker's not-found message ("manifest for busybox:nope not found").
     */
    public RemoteManifest manifest(String reference, String what) {
        HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get("/v2/" + path + "/manifests/" + reference,
                scopes, Map.of("Accept", ACCEPT)));
        if (response.statusCode() == 404) {
            throw RegistryHttp.error(response, "manifest for " + what + " not found");
        }
        if (response.statusCode() != 200) {
            throw RegistryHttp.error(response, null);
        }
        byte[] raw;
        try (InputStream in = response.body()) {
            raw = in.readNBytes(MAX_MANIFEST + 1);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the manifest of " + what + ": "
                    + RegistryHttp.describe(e), e);
        }
        if (raw.length > MAX_MANIFEST) {
            throw new InvalidContentException("cannot pull " + what + ": its manifest is larger than 4 MiB");
        }
        Digest digest = Digest.sha256(raw);
        if (Digest.isDigest(reference) && !Digest.parse(reference).equals(digest)) {
            throw new InvalidContentException("cannot pull " + what + ": the registry sent a manifest whose digest is "
                    + digest + ", not " + reference);
        }
        String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        return new RemoteManifest(raw, mediaType, digest);
    }

    /** The size of the blob if the repository has it (HEAD). */
    public OptionalLong blobSize(Digest digest) {
        HttpResponse<InputStream> response = http.send(new RegistryHttp.Call("HEAD", blobPath(digest), Map.of(), null,
                scopes, true));
        RegistryHttp.drain(response);
        if (response.statusCode() == 200) {
            return OptionalLong.of(response.headers().firstValueAsLong("Content-Length").orElse(0));
        }
        if (response.statusCode() == 404) {
            return OptionalLong.empty();
        }
        throw RegistryHttp.error(response, "cannot check blob " + digest.shortHex() + " in " + host() + "/" + path);
    }

    /** An open blob; {@code offset} is where its bytes start (0 when the server ignored the range asked for). */
    public record BlobStream(InputStream body, long offset) {}

    /** Opens the blob from {@code offset} on (a {@code Range} request when it is not 0). */
    public BlobStream blob(Digest digest, long offset) {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get(blobPath(digest), scopes, headers));
        if (response.statusCode() == 206 && offset > 0) {
            return new BlobStream(response.body(), offset);
        }
        if (response.statusCode() == 200 || response.statusCode() == 416 && offset > 0) {
            if (response.statusCode() == 416) { // our partial file is bad (longer than the blob): start over
                RegistryHttp.drain(response);
                return blob(digest, 0);
            }
            return new BlobStream(response.body(), 0);
        }
        throw RegistryHttp.error(response, "cannot fetch blob " + digest.shortHex() + " of " + host() + "/" + path);
    }

    /** Mounts a blob from another repository of this registry; false when the registry would not. */
    public boolean mount(Digest digest, String fromRepository) {
        List<Scope> both = List.of(Scope.push(path), Scope.pull(fromRepository));
        HttpResponse<InputStream> response = http.send(new RegistryHttp.Call("POST", "/v2/" + path
                + "/blobs/uploads/?mount=" + encode(digest.toString()) + "&from=" + encode(fromRepository),
                Map.of(), null, both, false));
        RegistryHttp.drain(response);
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 202) {
            // the registry opened an upload instead: not needed, the caller uploads anew
            response.headers().firstValue("Location").ifPresent(this::cancelUpload);
            return false;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
            return false; // no pull access to the source, or no such blob there: upload it instead
        }
        throw RegistryHttp.error(response, "cannot mount blob " + digest.shortHex() + " from " + fromRepository);
    }

    /** Gives an upload up (best effort: registries expire abandoned uploads themselves). */
    void cancelUpload(String location) {
        try {
            RegistryHttp.drain(http.send(new RegistryHttp.Call("DELETE", location, Map.of(), null, scopes, false)));
        } catch (StrataException e) {
            // the registry forgets it in time
        }
    }

    /** Opens an upload session: the registry's answer, with its Location (and minimum chunk size, if any). */
    private HttpResponse<InputStream> openUpload() {
        HttpResponse<InputStream> start = http.send(new RegistryHttp.Call("POST", "/v2/" + path + "/blobs/uploads/",
                Map.of(), null, scopes, false));
        RegistryHttp.drain(start);
        if (start.statusCode() != 202) {
            throw RegistryHttp.error(start, null);
        }
        return start;
    }

    /** Opens an upload session for a blob whose bytes are still being made (see {@link StreamedUpload}). */
    StreamedUpload startUpload(String what) {
        return new StreamedUpload(this, http, scopes, location(openUpload()), what);
    }

    /** Uploads a blob from a file (the whole file), monolithic or in chunks; {@code progress} gets bytes sent. */
    public void upload(Digest digest, long size, Path file, LongConsumer progress) {
        HttpResponse<InputStream> start = openUpload();
        String location = location(start);
        long minChunk = start.headers().firstValueAsLong("OCI-Chunk-Min-Length").orElse(0);
        if (size > uploads.chunkAbove() || minChunk > 0) {
            long chunk = Math.max(uploads.chunkSize(), minChunk);
            for (long offset = 0; offset < size; offset += chunk) {
                long length = Math.min(chunk, size - offset);
                long base = offset;
                HttpResponse<InputStream> patched = http.send(new RegistryHttp.Call("PATCH", location, Map.of(
                        "Content-Type", "application/octet-stream",
                        "Content-Range", offset + "-" + (offset + length - 1)),
                        () -> new CountingPublisher(slice(file, base, length), n -> progress.accept(base + n)),
                        scopes, false));
                RegistryHttp.drain(patched);
                if (patched.statusCode() != 202) {
                    throw RegistryHttp.error(patched, "cannot upload blob " + digest.shortHex());
                }
                location = location(patched);
            }
            finishUpload(location, digest, null, "blob " + digest.shortHex());
        } else {
            finishUpload(location, digest, () -> new CountingPublisher(slice(file, 0, size), progress),
                    "blob " + digest.shortHex());
        }
    }

    /**
     * Closes the upload at {@code location} as the blob {@code digest}, sending {@code body} with it if there is one
     * (a monolithic upload's bytes); the registry checks everything it got against the digest.
     */
    void finishUpload(String location, Digest digest, java.util.function.Supplier<HttpRequest.BodyPublisher> body,
            String what) {
        String target = location + (location.contains("?") ? "&" : "?") + "digest=" + encode(digest.toString());
        HttpResponse<InputStream> done = http.send(new RegistryHttp.Call("PUT", target,
                Map.of("Content-Type", "application/octet-stream"), body, scopes, false));
        RegistryHttp.drain(done);
        if (done.statusCode() != 201) {
            throw RegistryHttp.error(done, "cannot upload " + what);
        }
    }

    /** The part of a file from {@code offset}, {@code length} bytes long, read straight from the file. */
    private static HttpRequest.BodyPublisher slice(Path file, long offset, long length) {
        if (offset == 0) {
            try {
                if (java.nio.file.Files.size(file) == length) {
                    return HttpRequest.BodyPublishers.ofFile(file);
                }
            } catch (IOException e) {
                // fall through: the stream below reports it
            }
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return new BoundedStream(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), length);
    }

    private String location(HttpResponse<InputStream> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new StrataException(
                StrataException.Kind.CORRUPT, "cannot upload to " + host() + "/" + path
                        + ": the registry gave no upload location"));
    }

    /** Puts a manifest under a tag (or digest); returns the digest the registry stored it under. */
    public Digest putManifest(String reference, byte[] raw, String mediaType) {
        HttpResponse<InputStream> response = http.send(new RegistryHttp.Call("PUT", "/v2/" + path + "/manifests/"
                + reference, Map.of("Content-Type", mediaType), () -> HttpRequest.BodyPublishers.ofByteArray(raw),
                scopes, true));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw RegistryHttp.error(response, null);
        }
        RegistryHttp.drain(response);
        return Digest.sha256(raw);
    }

    /** Every tag of the repository, following the registry's pagination. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        String next = "/v2/" + path + "/tags/list";
        while (next != null) {
            HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get(next, scopes, Map.of()));
            if (response.statusCode() != 200) {
                throw RegistryHttp.error(response, "cannot list the tags of " + host() + "/" + path);
            }
            try (InputStream in = response.body()) {
                var json = dev.strata.core.oci.Json.tree(in.readNBytes(16 << 20), "tag list");
                json.path("tags").forEach(t -> tags.add(t.asText()));
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot list the tags of " + path + ": "
                        + RegistryHttp.describe(e), e);
            }
            next = response.headers().firstValue("Link").map(l -> {
                Matcher m = NEXT_LINK.matcher(l);
                return m.find() ? m.group(1) : null;
            }).orElse(null);
        }
        return tags;
    }

    private String blobPath(Digest digest) {
        return "/v2/" + path + "/blobs/" + digest;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
