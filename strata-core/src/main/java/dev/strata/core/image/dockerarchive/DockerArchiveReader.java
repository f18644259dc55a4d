package dev.strata.core.image.dockerarchive;

import dev.strata.core.content.ContentIngester;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.oci.Platform;
import java.io.InputStream;

/**
 * Reads an image archive from a stream in one pass, whichever of the three shapes it has: Docker ≤24's
 * {@code docker save} ({@code manifest.json}, {@code <hex>.json}, {@code <id>/layer.tar} and links), Docker 25+'s
 * (the same manifest.json over an OCI layout's {@code blobs/sha256}), or a pure OCI archive ({@code index.json} and
 * blobs, as {@code skopeo copy … oci-archive:} writes). When manifest.json is present it decides names and layer
 * order; otherwise index.json does, with names from its annotations and nested indexes resolved to one platform.
 *
 * <p>The stream is not seekable and is read once: every file is staged as it passes, digested while it streams.
 * Every way an archive can be broken is a CORRUPT "cannot load archive: …", and leaves nothing staged. The
 * result's {@link LoadedArchive#publish()} makes the blobs visible. Thread-safe: each read is independent.
 */
public final class DockerArchiveReader {
    private final ContentIngester ingester;
    private final Platform platform;

    /** A reader staging into {@code ingester}, choosing the host's platform in multi-platform images. */
    public DockerArchiveReader(ContentIngester ingester) {
        this(ingester, Platform.host());
    }

    public DockerArchiveReader(ContentIngester ingester, Platform platform) {
        this.ingester = ingester;
        this.platform = platform;
    }

    /** Reads the archive on {@code in} to its end (without closing it) and returns its images, staged. */
    public LoadedArchive read(InputStream in) {
        return read(in, StagedFileListener.NONE);
    }

    /** As {@link #read(InputStream)}, telling {@code listener} about each file as soon as it is staged. */
    public LoadedArchive read(InputStream in, StagedFileListener listener) {
        ArchiveContents contents = new ArchivePass(ingester, listener).read(in);
        try {
            Selection selection;
            if (contents.has(DockerManifestImages.FILE)) {
                selection = DockerManifestImages.read(contents);
            } else if (contents.has(OciLayout.INDEX_FILE)) {
                selection = OciIndexImages.read(contents, platform);
            } else {
                throw LoadFailure.corrupt("it holds neither manifest.json nor index.json, so it is not an image archive");
            }
            return new LoadedArchive(selection, contents);
        } catch (RuntimeException e) {
            contents.discardAll();
            throw e;
        }
    }
}
