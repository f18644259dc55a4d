package dev.strata.registry.api;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.storage.RegistryStore;
import dev.strata.registry.storage.Upload;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushing blobs: {@code POST /v2/<name>/blobs/uploads/} (a session, a single-request upload with {@code ?digest=},
 * or a cross-repository mount with {@code ?mount=&from=}) and {@code PATCH/PUT/GET/DELETE} on a session's location.
 * Chunks must come in order (416 otherwise, the session kept); the closing PUT's digest is checked before the blob
 * becomes visible.
 */
final class UploadEndpoints {
    private static final Pattern CONTENT_RANGE = Pattern.compile("^(?:bytes[ =])?([0-9]+)-([0-9]+)(?:/.*)?$");

    private final RegistryStore store;
    private final Access access;
    private final Clock clock;

    UploadEndpoints(RegistryStore store, Access access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    void start(Exchange ex, RepositoryName name) throws IOException {
        if (!ex.method.equals("POST")) {
            throw Digests.unsupported(ex);
        }
        access.push(ex, name);
        String mount = ex.query("mount");
        if (mount != null) {
            Digest digest = Digests.parse(mount);
            String from = ex.query("from");
            Optional<RepositoryName> source = from == null || !RepositoryName.isValid(from) ? Optional.empty()
                    : Optional.of(new RepositoryName(from));
            if ((from == null || source.isPresent()) && store.mount(name, digest, source, n -> access.mayPull(ex, n))) {
                created(ex, name, digest);
                return;
            }
        }
        String digestParam = ex.query("digest");
        if (digestParam != null) {
            Digest digest = Digests.parse(digestParam);
            Upload upload = store.uploads().start(name, digest.algorithm());
            upload.lock().lock();
            try {
                appendBody(ex, upload);
                store.finishUpload(upload, digest);
            } catch (IOException | RuntimeException e) {
                store.uploads().cancel(upload); // the client never learnt this session's location
                throw e;
            } finally {
                upload.lock().unlock();
            }
            created(ex, name, digest);
            return;
        }
        String algorithm = ex.query("digest-algorithm");
        Upload upload = store.uploads().start(name, algorithm == null ? "sha256" : algorithm);
        progress(ex, upload, 202);
    }

    void session(Exchange ex, RepositoryName name, String id) throws IOException {
        switch (ex.method) {
            case "GET" -> {
                access.pull(ex, name);
                progress(ex, store.uploads().get(name, id), 204);
            }
            case "DELETE" -> {
                access.push(ex, name);
                Upload upload = store.uploads().get(name, id);
                store.uploads().cancel(upload);
                ex.sendEmpty(204);
            }
            case "PATCH" -> {
                access.push(ex, name);
                Upload upload = store.uploads().get(name, id);
                upload.lock().lock();
                try {
                    if (!inOrder(ex, upload)) {
                        return;
                    }
                    appendBody(ex, upload);
                    progress(ex, upload, 202);
                } finally {
                    upload.lock().unlock();
                }
            }
            case "PUT" -> {
                access.push(ex, name);
                Digest digest = Digests.parse(ex.query("digest"));
                Upload upload = store.uploads().get(name, id);
                upload.lock().lock();
                try {
                    if (!inOrder(ex, upload)) {
                        return;
                    }
                    appendBody(ex, upload);
                    store.finishUpload(upload, digest);
                } finally {
                    upload.lock().unlock();
                }
                created(ex, name, digest);
            }
            default -> throw Digests.unsupported(ex);
        }
    }

    /** Checks a chunk's {@code Content-Range} starts where the upload ends; answers 416 and returns false if not. */
    private boolean inOrder(Exchange ex, Upload upload) {
        String header = ex.header("Content-Range");
        if (header == null || header.isBlank()) {
            return true;
        }
        Matcher m = CONTENT_RANGE.matcher(header.strip());
        if (!m.matches()) {
            throw new RegistryException(ErrorCode.BLOB_UPLOAD_INVALID, "invalid Content-Range \"" + header
                    + "\": expected START-END, inclusive");
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        if (start != upload.size() || end < start - 1) {
            locationHeaders(ex, upload);
            ex.sendError(416, ErrorCode.BLOB_UPLOAD_INVALID.name(), "chunk " + start + "-" + end
                    + " is out of order: the upload has " + upload.size() + " bytes; send from byte " + upload.size());
            return false;
        }
        long length = ex.request.getLength();
        if (length >= 0 && length != end - start + 1 && !(length == 0 && end == start - 1)) {
            throw new RegistryException(ErrorCode.SIZE_INVALID, "Content-Range " + header + " does not match the "
                    + length + " bytes of Content-Length");
        }
        return true;
    }

    private void appendBody(Exchange ex, Upload upload) throws IOException {
        Bodies.forEachChunk(ex.request, chunk -> upload.append(chunk, clock.instant()));
    }

    private void progress(Exchange ex, Upload upload, int status) {
        locationHeaders(ex, upload);
        ex.sendEmpty(status);
    }

    private static void locationHeaders(Exchange ex, Upload upload) {
        ex.setHeader("Location", "/v2/" + upload.repository() + "/blobs/uploads/" + upload.id());
        ex.setHeader("Docker-Upload-UUID", upload.id());
        long size = upload.size();
        ex.setHeader("Range", "0-" + (size > 0 ? size - 1 : 0));
    }

    private static void created(Exchange ex, RepositoryName name, Digest digest) {
        ex.setHeader("Location", "/v2/" + name + "/blobs/" + digest);
        ex.setHeader("Docker-Content-Digest", digest.toString());
        ex.sendEmpty(201);
    }
}
